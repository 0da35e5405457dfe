// Saved views (issue 11): a list's filter and sort a person keeps under a name, on the server, for
// themselves or shared with everyone of a role. What the routes take and answer; pure, like
// records.ts, so the admin UI imports these schemas and limits too.
import { z } from 'zod';
import { isStorableText, text, UNSTORABLE_TEXT } from '../../workflows/runtime/storable-text';
import { ROLES } from './records';

/** The lists a view may be saved for: the admin UI's lists with filters. */
export const SAVED_VIEW_RESOURCES = ['tasks', 'journeys', 'invoices', 'tickets', 'customers'] as const;
export type SavedViewResource = (typeof SAVED_VIEW_RESOURCES)[number];

export const SAVED_VIEW_LIMITS = {
  name: 80,
  /** The filter as JSON, in UTF-8 bytes. */
  filterBytes: 4096,
  filterKeys: 30,
  /** One string value, in characters. */
  value: 500,
  /** Strings in one array value. */
  items: 50,
  /** Views one person keeps for one list. */
  perList: 50,
  /** Views shared with someone's roles that a list shows them: the latest changed (a list of tabs, not a directory). */
  sharedShown: 20,
} as const;

const date = z.iso.datetime({ offset: true });

/** A filter's name as react-admin sends it: a letter, then letters, digits and `_` (never `__proto__`). */
const filterKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'A filter name: letters, digits and _ (at most 64)');
const filterString = z.string().max(SAVED_VIEW_LIMITS.value).refine(isStorableText, UNSTORABLE_TEXT);
const filterValue = z.union([filterString, z.number().finite(), z.boolean(), z.array(filterString).max(SAVED_VIEW_LIMITS.items)], {
  error: 'A text, a number, true or false, or a list of texts',
});

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** The list's filter values: one level, each a plain value, at most 4 KB in all. */
export const viewFilter = z
  .record(filterKey, filterValue)
  .refine((f) => Object.keys(f).length <= SAVED_VIEW_LIMITS.filterKeys, `At most ${SAVED_VIEW_LIMITS.filterKeys} filters`)
  .refine((f) => jsonBytes(f) <= SAVED_VIEW_LIMITS.filterBytes, `At most ${SAVED_VIEW_LIMITS.filterBytes} bytes as JSON`)
  .meta({ description: "The list's filter values, as its `filter` parameter takes them (checked against that list's filters)." });

export const viewSort = z
  .object({
    field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'A field the list sorts by'),
    order: z.enum(['ASC', 'DESC']),
  })
  .strict();

const viewName = text(SAVED_VIEW_LIMITS.name);
/** null: the owner's alone. Someone sharing holds the role (managers and admins share with any). */
const shareWith = z.enum(ROLES).nullable();

export const newSavedView = z
  .object({
    resource: z.enum(SAVED_VIEW_RESOURCES),
    name: viewName,
    filter: viewFilter,
    sort: viewSort.nullable().optional(),
    sharedWithRole: shareWith.optional(),
  })
  .strict();

export const savedViewChange = z
  .object({ name: viewName, filter: viewFilter, sort: viewSort.nullable(), sharedWithRole: shareWith })
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Give at least one field to change');

export const savedViewQuery = z.object({ resource: z.enum(SAVED_VIEW_RESOURCES) }).strict();

export const savedView = z
  .looseObject({
    id: z.uuid(),
    resource: z.enum(SAVED_VIEW_RESOURCES),
    name: z.string(),
    filter: z.record(z.string(), z.unknown()),
    sort: z.object({ field: z.string(), order: z.enum(['ASC', 'DESC']) }).nullable(),
    sharedWithRole: z.enum(ROLES).nullable(),
    /** The caller's own (they may change it); else shared with one of their roles. */
    mine: z.boolean(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: date,
    updatedAt: date,
  })
  .meta({ id: 'SavedView' });

export type SavedView = z.infer<typeof savedView>;
