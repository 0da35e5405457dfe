import { FormControlLabel, Switch } from '@mui/material';
import { useNotify, useUpdate } from 'react-admin';
import { useMayEditKnowledge } from '../auth/roles';
import { StatusChip } from '../common/StatusChip';
import { errorMessage } from '../dataProvider';
import { useT } from '../i18n/useT';
import type { KnowledgeArticle } from '../types';

/** Published or draft: a switch for those who edit articles, a chip for everyone else. */
export const PublishedToggle = ({ article }: { article: KnowledgeArticle }) => {
  const mayEdit = useMayEditKnowledge();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<KnowledgeArticle>();
  const t = useT();
  if (!mayEdit) return <StatusChip status={article.published ? 'PUBLISHED' : 'DRAFT'} />;
  const toggle = () =>
    update(
      'knowledge-articles',
      { id: article.id, data: { published: !article.published }, previousData: article },
      {
        mutationMode: 'pessimistic',
        onSuccess: (saved) => notify(saved.published ? t('app.knowledge.published_done') : t('app.knowledge.draft_done')),
        onError: (err) => notify(errorMessage(err, t('app.knowledge.change_failed')), { type: 'error' }),
      },
    );
  return (
    // In a list row: the switch must not open the article as well.
    <FormControlLabel
      onClick={(event) => event.stopPropagation()}
      control={<Switch size="small" checked={article.published} disabled={isPending} onChange={toggle} />}
      label={article.published ? t('app.knowledge.published') : t('app.knowledge.draft')}
    />
  );
};
