// The knowledge base: articles support staff keep, searched with PostgreSQL's full text. Each
// article's `search` column is generated from its title (weight A) and body (weight B) with the
// 'english' configuration, under a GIN index (migration knowledge_articles). suggestArticles is
// what the support journey's "get help" page calls before a ticket is raised (seed 001's
// "self resolving"); listArticles is the staff list's search.
import { z } from 'zod';
import { Prisma, type KnowledgeArticle } from '../../prisma/generated/client';
import { optionalText, text, toStorableText } from '../../workflows/runtime/storable-text';
import { articleSuggestion } from '../contract/records';
import type { ListParams } from '../list-query';

export { articleSuggestion };
export type ArticleSuggestion = z.infer<typeof articleSuggestion>;

/** The client or a transaction: anything that runs a raw query. */
type Queryable = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** A category as articles (and tickets) keep it: free text, compared in lower case. */
export const articleCategory = text(50).transform((s) => s.toLowerCase());

export const SUGGESTION_LIMITS = { default: 5, max: 20 } as const;
/** Only the start of a long text is read: a subject and a description's first paragraphs say what it is about. */
const MAX_TEXT = 10_000;
const MAX_WORDS = 64;
/** Longer runs of letters are no word anyone searches for (and PostgreSQL refuses lexemes past 2 KB). */
const MAX_WORD_LENGTH = 64;

/**
 * The distinct words of `input`, lower case: runs of letters, marks and digits, so nothing of
 * websearch_to_tsquery's syntax (quotes, `-`, `or`) survives, and neither do NUL characters or
 * unpaired surrogates (made U+FFFD first, as storable-text does for text kept as received).
 */
export function searchWords(input: string): string[] {
  const words = toStorableText(input.slice(0, MAX_TEXT)).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const distinct = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === 'or' || lower.length > MAX_WORD_LENGTH) continue;
    distinct.add(lower);
    if (distinct.size === MAX_WORDS) break;
  }
  return [...distinct];
}

// ts_headline marks matches with these (plain text, never HTML; private-use characters, removed
// from the body first so the body cannot fake one); the excerpt is then split into parts.
const START = '\ue000';
const STOP = '\ue001';
const HEADLINE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** ts_headline's output as text parts, the marked ones `match`. */
export function excerptParts(headline: string): ArticleSuggestion['excerpt'] {
  const parts: ArticleSuggestion['excerpt'] = [];
  let match = false;
  for (const piece of headline.split(/([\ue000\ue001])/)) {
    if (piece === START) match = true;
    else if (piece === STOP) match = false;
    else if (piece) parts.push({ text: piece, match });
  }
  return parts;
}

type SuggestionRow = { id: string; title: string; category: string | null; rank: number; headline: string };

/**
 * Published articles for what someone typed (a ticket's subject and description), best first.
 * Any word may match (a customer describes a problem; an article need not contain every word of
 * it), ranked by ts_rank, so more words, and words in the title, rank higher. With a category:
 * that category's articles and general ones (no category). Safe for any text: one with no
 * searchable word (empty, punctuation, only stop words) has no suggestions.
 */
export async function suggestArticles(
  db: Queryable,
  input: string,
  opts: { limit?: number; category?: string } = {},
): Promise<ArticleSuggestion[]> {
  const words = searchWords(input);
  if (!words.length) return [];
  const asked = opts.limit !== undefined && Number.isFinite(opts.limit) ? Math.trunc(opts.limit) : SUGGESTION_LIMITS.default;
  const limit = Math.min(Math.max(asked, 1), SUGGESTION_LIMITS.max);
  const category = opts.category === undefined ? undefined : toStorableText(opts.category).trim().toLowerCase();
  const inCategory = category ? Prisma.sql`AND (a.category = ${category} OR a.category IS NULL)` : Prisma.empty;
  // The excerpt is worked out for the page of results only (ts_headline reads the whole body).
  const rows = await db.$queryRaw<SuggestionRow[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${words.join(' or ')}) AS q),
    ranked AS (
      SELECT a.id, a.title, a.category, a.body, a."updatedAt", ts_rank(a.search, query.q) AS rank
      FROM "KnowledgeArticle" a, query
      WHERE a.published AND a.search @@ query.q ${inCategory}
      ORDER BY rank DESC, a."updatedAt" DESC, a.id
      LIMIT ${limit}
    )
    SELECT r.id, r.title, r.category, r.rank,
      ts_headline('english', translate(r.body, ${START + STOP}, ''), query.q, ${HEADLINE_OPTIONS}) AS headline
    FROM ranked r, query
    ORDER BY r.rank DESC, r."updatedAt" DESC, r.id`;
  return rows.map(({ headline, rank, ...row }) => ({ ...row, rank: Number(rank), excerpt: excerptParts(headline) }));
}

/** The staff list's filters: `q` in search-box syntax (words, "a phrase", -not, or). */
export const articleFilter = z.object({
  q: optionalText(200),
  published: z.boolean(),
  category: articleCategory,
});
export const articleSort = ['updatedAt', 'createdAt', 'title', 'category', 'published'] as const;
type ArticleSort = (typeof articleSort)[number];

const COLUMNS = Prisma.sql`id, title, body, category, published, "createdBy", "updatedBy", "createdAt", "updatedAt"`;

/** One page of articles and the total, for the react-admin list (the `search` column is no Prisma field to filter on). */
export function listArticles(db: Queryable, list: ListParams<z.infer<typeof articleFilter>, ArticleSort>) {
  const { q, published, category } = list.filter;
  const conditions = [
    q ? Prisma.sql`search @@ websearch_to_tsquery('english', ${q})` : undefined,
    published === undefined ? undefined : Prisma.sql`published = ${published}`,
    category === undefined ? undefined : Prisma.sql`category = ${category}`,
  ].filter((c): c is Prisma.Sql => c !== undefined);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const [field, dir] = Object.entries(list.orderBy)[0] as [ArticleSort, 'asc' | 'desc'];
  // `field` is one of articleSort (the list query refuses any other), so it is safe as an identifier.
  const order = Prisma.raw(`"${field}" ${dir === 'asc' ? 'ASC' : 'DESC'}, id ASC`);
  const rows = db.$queryRaw<KnowledgeArticle[]>`SELECT ${COLUMNS} FROM "KnowledgeArticle" ${where} ORDER BY ${order} LIMIT ${list.take} OFFSET ${list.skip}`;
  const total = db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM "KnowledgeArticle" ${where}`.then(([row]) => row.n);
  return { rows, total };
}
