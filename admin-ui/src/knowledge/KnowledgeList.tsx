// The knowledge base: every article, searched with PostgreSQL's full text (filter `q`), drafts and
// published ones; beside it, what a customer would be offered for a problem.
import KnowledgeIcon from '@mui/icons-material/MenuBook';
import { CreateButton, DataTable, SearchInput, SelectInput, TextInput, TopToolbar, useListContext } from 'react-admin';
import { List } from '../common/List';
import { useMayEditKnowledge } from '../auth/roles';
import { EmptyState } from '../common/EmptyState';
import { ListLoadError } from '../common/LoadError';
import { RelativeTime } from '../common/RelativeTime';
import { CompactList, ResponsiveList } from '../common/ResponsiveList';
import { RowLink } from '../common/RowLink';
import { StatusChip } from '../common/StatusChip';
import { useT } from '../i18n/useT';
import type { KnowledgeArticle } from '../types';
import { PublishedToggle } from './PublishedToggle';
import { SuggestionPreview } from './SuggestionPreview';

const Column = DataTable.Col<KnowledgeArticle>;

const useFilters = () => {
  const t = useT();
  return [
    // Search-box syntax: words (all of them), "a phrase", -a word left out, or.
    <SearchInput key="q" source="q" alwaysOn placeholder={t('app.knowledge.search')} />,
    <SelectInput
      key="published"
      source="published"
      label="resources.knowledge-articles.fields.status"
      choices={[
        { id: true, name: t('app.knowledge.published') },
        { id: false, name: t('app.knowledge.draft') },
      ]}
      alwaysOn
    />,
    <TextInput key="category" source="category" />,
  ];
};

const Actions = () => <TopToolbar>{useMayEditKnowledge() && <CreateButton label="app.lists.new_article" />}</TopToolbar>;

const NoArticles = () => {
  const filtered = Object.keys(useListContext().filterValues).length > 0;
  const mayEdit = useMayEditKnowledge();
  const t = useT();
  return (
    <EmptyState icon={<KnowledgeIcon />} title={filtered ? t('app.knowledge.none_match') : t('app.knowledge.none_yet')}>
      {filtered ? t('app.knowledge.none_match_hint') : mayEdit ? t('app.knowledge.none_yet_hint') : t('app.knowledge.none_yet_reader')}
    </EmptyState>
  );
};

/** On a phone: the title, its category, published or draft (switched on its page), when it changed. */
const ArticleCards = () => {
  const t = useT();
  return (
    <CompactList<KnowledgeArticle>
      primary={(article) => article.title}
      tertiary={(article) => <RelativeTime date={article.updatedAt} />}
      secondary={(article) => article.category ?? t('app.knowledge.general')}
      chips={(article) => <StatusChip status={article.published ? 'PUBLISHED' : 'DRAFT'} />}
      empty={<NoArticles />}
    />
  );
};

export const KnowledgeList = () => {
  const t = useT();
  const filters = useFilters();
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
      error={<ListLoadError />}
      aside={<SuggestionPreview />}
      // On a narrow screen the preview goes under the list rather than squeezing it.
      sx={{ flexDirection: { xs: 'column', md: 'row' } }}
    >
      <ResponsiveList phone={<ArticleCards />}>
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoArticles />}>
          <Column source="title" render={(article) => <RowLink>{article.title}</RowLink>} />
          <Column source="category" render={(article) => article.category ?? t('app.knowledge.general')} />
          <Column source="published" label="resources.knowledge-articles.fields.status" render={(article) => <PublishedToggle article={article} />} />
          <Column source="updatedAt" render={(article) => <RelativeTime date={article.updatedAt} />} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};
