import { Card, CardContent, Stack, Typography } from '@mui/material';
import { DeleteButton, EditButton, Loading, RecordField, TopToolbar, useRecordContext } from 'react-admin';
import { useMayEditKnowledge } from '../auth/roles';
import { FactGrid } from '../common/FactGrid';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { ShowPage } from '../common/ShowPage';
import { useUserNames } from '../common/useUserNames';
import { useT } from '../i18n/useT';
import type { KnowledgeArticle } from '../types';
import { PublishedToggle } from './PublishedToggle';

const ArticleView = () => {
  const article = useRecordContext<KnowledgeArticle>();
  const nameOf = useUserNames();
  const t = useT();
  if (!article) return <Loading />;
  // An API token is no user: it has no name to show.
  const who = (id: string) => nameOf(id) ?? t('app.knowledge.api_token');
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <Typography variant="h5">{article.title}</Typography>
            <PublishedToggle article={article} />
          </Stack>
          <FactGrid>
            <RecordField label={t('resources.knowledge-articles.fields.category')}>{article.category ?? t('app.knowledge.general_every')}</RecordField>
            <RecordField label={t('app.knowledge.written')}>
              {who(article.createdBy)}, <RelativeTime date={article.createdAt} />
            </RecordField>
            <RecordField label={t('app.knowledge.last_changed')}>
              {who(article.updatedBy)}, <RelativeTime date={article.updatedAt} />
            </RecordField>
          </FactGrid>
        </CardContent>
      </Card>
      <SectionCard title={t('app.knowledge.article')}>
        {/* Text, never HTML: whatever the body holds is shown as written. */}
        <Typography variant="body1" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
          {article.body}
        </Typography>
      </SectionCard>
    </Stack>
  );
};

const ArticleActions = () => {
  const mayEdit = useMayEditKnowledge();
  const t = useT();
  return mayEdit ? (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" confirmTitle={t('app.knowledge.delete_title')} confirmContent={t('app.knowledge.delete_body')} />
    </TopToolbar>
  ) : null;
};

const ArticleTitle = () => {
  const article = useRecordContext<KnowledgeArticle>();
  const t = useT();
  return <>{article ? t('app.knowledge.page_title', { title: article.title }) : t('app.knowledge.article')}</>;
};

export const KnowledgeShow = () => (
  <ShowPage title={<ArticleTitle />} actions={<ArticleActions />}>
    <ArticleView />
  </ShowPage>
);
