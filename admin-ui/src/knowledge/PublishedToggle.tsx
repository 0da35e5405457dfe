import { FormControlLabel, Switch } from '@mui/material';
import { useNotify, useUpdate } from 'react-admin';
import { useMayEditKnowledge } from '../auth/roles';
import { StatusChip } from '../common/StatusChip';
import { errorMessage } from '../dataProvider';
import type { KnowledgeArticle } from '../types';

/** Published or draft: a switch for those who edit articles, a chip for everyone else. */
export const PublishedToggle = ({ article }: { article: KnowledgeArticle }) => {
  const mayEdit = useMayEditKnowledge();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<KnowledgeArticle>();
  const label = article.published ? 'Published' : 'Draft';
  if (!mayEdit) return <StatusChip status={article.published ? 'PUBLISHED' : 'DRAFT'} label={label.toLowerCase()} />;
  const toggle = () =>
    update(
      'knowledge-articles',
      { id: article.id, data: { published: !article.published }, previousData: article },
      {
        mutationMode: 'pessimistic',
        onSuccess: (saved) => notify(saved.published ? 'Published: customers are offered it now' : 'Back to draft: no longer suggested'),
        onError: (err) => notify(errorMessage(err, 'The article could not be changed'), { type: 'error' }),
      },
    );
  return (
    // In a list row: the switch must not open the article as well.
    <FormControlLabel
      onClick={(event) => event.stopPropagation()}
      control={<Switch size="small" checked={article.published} disabled={isPending} onChange={toggle} />}
      label={label}
    />
  );
};
