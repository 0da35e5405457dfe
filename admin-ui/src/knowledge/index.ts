import KnowledgeIcon from '@mui/icons-material/MenuBook';
import type { KnowledgeArticle } from '../types';
import { KnowledgeCreate, KnowledgeEdit } from './ArticleForm';
import { KnowledgeList } from './KnowledgeList';
import { KnowledgeShow } from './KnowledgeShow';

/** Everyone reads the knowledge base; only its editors get the create and edit pages. */
export const knowledgeResource = (mayEdit: boolean) => ({
  list: KnowledgeList,
  show: KnowledgeShow,
  ...(mayEdit && { create: KnowledgeCreate, edit: KnowledgeEdit }),
  icon: KnowledgeIcon,
  recordRepresentation: (article: KnowledgeArticle) => article.title,
});
