// Saved views: each person's named filters and sorts for a list, and those shared with a role they
// hold. A view is checked against its list's own filters and sort fields (the ones its GET takes),
// so a saved view always opens; a shared one only with a role that may open that list.
import type { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../platform/db';
import { ROLES, isManager, mayRead, READERS, type Principal, type Role } from '../auth/roles';
import { customerFilter, customerSort } from '../routes/customers';
import { journeyFilter, journeySort } from '../routes/journeys';
import { taskFilter, taskSort } from '../routes/tasks';
import { invoiceFilter, invoiceSort } from '../billing/routes';
import { ticketFilter, ticketSort } from '../support/routes';
import { SAVED_VIEW_LIMITS, type newSavedView, type savedViewChange, type SavedView, type SavedViewResource } from '../contract/saved-views';
import { AppError, fieldErrors, type FieldError } from '../errors';
import { isUuid } from '../ids';

type List = { filter: z.ZodObject; sortable: readonly string[]; readers?: keyof typeof READERS };

const LISTS: Record<SavedViewResource, List> = {
  tasks: { filter: taskFilter, sortable: taskSort },
  journeys: { filter: journeyFilter, sortable: journeySort },
  invoices: { filter: invoiceFilter, sortable: invoiceSort, readers: 'invoices' },
  tickets: { filter: ticketFilter, sortable: ticketSort, readers: 'tickets' },
  customers: { filter: customerFilter, sortable: customerSort },
};

type NewView = z.infer<typeof newSavedView>;
type ViewChange = z.infer<typeof savedViewChange>;

const withOwner = { owner: { select: { id: true, name: true } } } as const;
type Row = Prisma.SavedViewGetPayload<{ include: typeof withOwner }>;

function toView(row: Row, callerId: string): SavedView {
  return {
    id: row.id,
    resource: row.resource as SavedViewResource,
    name: row.name,
    filter: row.filter as Record<string, unknown>,
    sort: row.sortField && row.sortOrder ? { field: row.sortField, order: row.sortOrder as 'ASC' | 'DESC' } : null,
    sharedWithRole: row.sharedWithRole,
    mine: row.ownerId === callerId,
    owner: row.owner,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const mayOpen = (role: Role, list: List) => !list.readers || role === 'admin' || (READERS[list.readers] as readonly Role[]).includes(role);

/** What is wrong with a view (or the part of one a change gives) for its list and its owner. */
function problems(p: Principal, resource: SavedViewResource, view: Partial<Pick<NewView, 'filter' | 'sort' | 'sharedWithRole'>>): FieldError[] {
  const list = LISTS[resource];
  if (list.readers && !mayRead(p, list.readers)) return [{ field: 'resource', message: 'Not a list you can open' }];
  const found: FieldError[] = [];
  if (view.filter) {
    const checked = list.filter.partial().strict().safeParse(view.filter);
    if (!checked.success) found.push(...fieldErrors(checked.error, ['filter']));
  }
  if (view.sort && !list.sortable.includes(view.sort.field)) found.push({ field: 'sort.field', message: `One of: ${list.sortable.join(', ')}` });
  const role = view.sharedWithRole;
  if (role) {
    if (!isManager(p) && !p.roles.includes(role)) found.push({ field: 'sharedWithRole', message: 'A role you hold (managers share with any)' });
    else if (!mayOpen(role, list)) found.push({ field: 'sharedWithRole', message: `The ${role} role cannot open this list` });
  }
  return found;
}

function refuse(fields: FieldError[]): void {
  if (fields.length) throw new AppError('validation_failed', 'The request is invalid', { fields });
}

const sortColumns = (sort: NewView['sort']) => ({ sortField: sort?.field ?? null, sortOrder: sort?.order ?? null });

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
const nameTaken = (name: string) =>
  new AppError('conflict', `You already have a view named "${name}" on this list`, { fields: [{ field: 'name', message: 'You already have a view of this name here' }] });
const notFound = (id: string) => new AppError('not_found', `No saved view ${id}`);

/**
 * The caller's views of a list and those others shared with a role they hold (admins hold every
 * role), the latest changed SAVED_VIEW_LIMITS.sharedShown of them: theirs first, then by name.
 */
export async function listViews(db: Db, p: Principal, resource: SavedViewResource): Promise<SavedView[]> {
  const roles: Role[] = p.roles.includes('admin') ? [...ROLES] : p.roles;
  const [own, shared] = await Promise.all([
    db.savedView.findMany({ where: { resource, ownerId: p.id }, include: withOwner }),
    db.savedView.findMany({
      where: { resource, ownerId: { not: p.id }, sharedWithRole: { in: roles } },
      include: withOwner,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: SAVED_VIEW_LIMITS.sharedShown,
    }),
  ]);
  return [...own, ...shared]
    .map((row) => toView(row, p.id))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

/**
 * A new view. With an Idempotency-Key, the same key again (even at once) answers the view it made
 * (`created: false`); without one, a name the owner already has on the list is a 409. Either way the
 * unique (owner, list, name) makes two requests at once one row.
 */
export async function createView(db: Db, p: Principal, view: NewView, key?: string): Promise<{ created: boolean; view: SavedView }> {
  const idempotencyKey = key ? `${p.id}:${key}` : null;
  const earlier = async () => (idempotencyKey ? db.savedView.findUnique({ where: { idempotencyKey }, include: withOwner }) : null);
  const before = await earlier();
  if (before) return { created: false, view: toView(before, p.id) };
  refuse(problems(p, view.resource, view));
  if ((await db.savedView.count({ where: { ownerId: p.id, resource: view.resource } })) >= SAVED_VIEW_LIMITS.perList) {
    throw new AppError('conflict', `You keep ${SAVED_VIEW_LIMITS.perList} views of this list already: delete one first`);
  }
  try {
    const row = await db.savedView.create({
      data: {
        ownerId: p.id,
        resource: view.resource,
        name: view.name,
        filter: view.filter as Prisma.InputJsonObject,
        ...sortColumns(view.sort),
        sharedWithRole: view.sharedWithRole ?? null,
        idempotencyKey,
      },
      include: withOwner,
    });
    return { created: true, view: toView(row, p.id) };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const raced = await earlier();
    if (raced) return { created: false, view: toView(raced, p.id) };
    throw nameTaken(view.name);
  }
}

/** The owner's view, or a 404 (others' ids are not told apart from ids that do not exist). */
async function ownView(db: Db, p: Principal, id: string) {
  const row = isUuid(id) ? await db.savedView.findFirst({ where: { id, ownerId: p.id } }) : null;
  if (!row) throw notFound(id);
  return row;
}

/** Renames, refilters, resorts, shares or unshares the owner's view. */
export async function changeView(db: Db, p: Principal, id: string, change: ViewChange): Promise<SavedView> {
  const row = await ownView(db, p, id);
  refuse(problems(p, row.resource as SavedViewResource, change));
  try {
    const updated = await db.savedView.update({
      where: { id, ownerId: p.id },
      data: {
        ...(change.name !== undefined && { name: change.name }),
        ...(change.filter !== undefined && { filter: change.filter as Prisma.InputJsonObject }),
        ...(change.sort !== undefined && sortColumns(change.sort)),
        ...(change.sharedWithRole !== undefined && { sharedWithRole: change.sharedWithRole }),
      },
      include: withOwner,
    });
    return toView(updated, p.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(change.name ?? row.name);
    // Deleted meanwhile.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw notFound(id);
    throw err;
  }
}

export async function deleteView(db: Db, p: Principal, id: string): Promise<void> {
  const { count } = isUuid(id) ? await db.savedView.deleteMany({ where: { id, ownerId: p.id } }) : { count: 0 };
  if (count === 0) throw notFound(id);
}
