import { Card, CardContent, Stack, Typography } from '@mui/material';
import { DeleteButton, EditButton, Loading, RecordField, TopToolbar, useRecordContext } from 'react-admin';
import { useMayEditKnowledge } from '../auth/roles';
import { FactGrid } from '../common/FactGrid';
import { RelativeTime } from '../common/RelativeTime';
import { SectionCard } from '../common/SectionCard';
import { ShowPage } from '../common/ShowPage';
import { useUserNames } from '../common/useUserNames';
import type { KnowledgeArticle } from '../types';
import { PublishedToggle } from './PublishedToggle';

const ArticleView = () => {
  const article = useRecordContext<KnowledgeArticle>();
  const nameOf = useUserNames();
  if (!article) return <Loading />;
  // An API token is no user: it has no name to show.
  const who = (id: string) => nameOf(id) ?? 'an API token';
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <Typography variant="h5">{article.title}</Typography>
            <PublishedToggle article={article} />
          </Stack>
          <FactGrid>
            <RecordField label="Category">{article.category ?? 'General (every category)'}</RecordField>
            <RecordField label="Written">
              {who(article.createdBy)}, <RelativeTime date={article.createdAt} />
            </RecordField>
            <RecordField label="Last changed">
              {who(article.updatedBy)}, <RelativeTime date={article.updatedAt} />
            </RecordField>
          </FactGrid>
        </CardContent>
      </Card>
      <SectionCard title="Article">
        {/* Text, never HTML: whatever the body holds is shown as written. */}
        <Typography variant="body1" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
          {article.body}
        </Typography>
      </SectionCard>
    </Stack>
  );
};

const ArticleActions = () =>
  useMayEditKnowledge() ? (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this article?" confirmContent="Customers will no longer be offered it. Unpublishing keeps it instead." />
    </TopToolbar>
  ) : null;

const ArticleTitle = () => {
  const article = useRecordContext<KnowledgeArticle>();
  return <>{article ? `Article: ${article.title}` : 'Article'}</>;
};

export const KnowledgeShow = () => (
  <ShowPage title={<ArticleTitle />} actions={<ArticleActions />}>
    <ArticleView />
  </ShowPage>
);
