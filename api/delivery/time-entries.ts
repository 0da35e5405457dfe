// Time worked, which an invoice bills: on a milestone (billed with it) or on a support ticket
// outside its project's warranty (billed when the ticket closes). An entry on work already
// invoiced or closed is refused (nothing could bill it any more); a caller's idempotency key
// makes a repeat, even a concurrent one, return the first entry.
import { z } from 'zod';
import { isUniqueViolation } from '../../platform/db';
import type { Db } from '../../platform/db';
import { text } from '../../workflows/runtime/storable-text';
import { AppError } from '../errors';

export const minor = z.number().int('Must be a whole number of minor units').nonnegative().max(1_000_000_000);

/** What every entry says: who worked, when, how long, at what rate, on what. */
export const timeWorked = z
  .object({
    /** Who worked; the caller when absent. */
    userId: z.uuid().optional(),
    date: z.iso.date('Must be a date, YYYY-MM-DD'),
    hours: z.number().positive().max(24).multipleOf(0.25, 'In quarter hours'),
    rateMinor: minor.positive(),
    description: text(500),
  })
  .strict();

export const timeEntryBody = timeWorked.extend({ milestoneId: z.uuid() }).strict();

/** Where the time goes: its project, and the milestone or the ticket. */
type Target = { projectId: string; milestoneId?: string; ticketId?: string };

/** A milestone not yet invoiced. */
export async function onMilestone(db: Db, milestoneId: string): Promise<Target> {
  const milestone = await db.milestone.findUnique({ where: { id: milestoneId }, include: { invoice: true } });
  if (!milestone) throw new AppError('validation_failed', 'No such milestone', { fields: [{ field: 'milestoneId', message: 'No such milestone' }] });
  if (milestone.invoice) throw new AppError('conflict', `Milestone ${milestone.position} is already invoiced (${milestone.invoice.number})`);
  return { projectId: milestone.projectId, milestoneId };
}

/** An open ticket about a project (time is kept on a project; a ticket without one has nowhere to bill it). */
export async function onTicket(db: Db, ticketId: string): Promise<Target> {
  const ticket = await db.supportTicket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw new AppError('not_found', `No ticket ${ticketId}`);
  if (ticket.closedAt) throw new AppError('conflict', `T-${ticket.number} is closed: its time was settled when it closed`);
  if (!ticket.projectId) throw new AppError('conflict', `T-${ticket.number} is about no project: time is recorded on a project's ticket`);
  return { projectId: ticket.projectId, ticketId };
}

type TimeEntryRequest = { entry: z.infer<typeof timeWorked>; target: (db: Db) => Promise<Target>; recordedBy: string; idempotencyKey?: string };

/** Records a time entry; `created` false when the same key was seen before (the first entry is returned). */
export async function recordTimeEntry(db: Db, { entry, target, recordedBy, idempotencyKey }: TimeEntryRequest) {
  // The caller's key, scoped to the caller.
  const key = idempotencyKey ? `${recordedBy}:${idempotencyKey}` : undefined;
  const earlier = key && (await db.timeEntry.findUnique({ where: { idempotencyKey: key } }));
  if (earlier) return { created: false, entry: earlier };
  const on = await target(db);
  const userId = entry.userId ?? recordedBy;
  if (!(await db.user.findUnique({ where: { id: userId } }))) {
    throw new AppError('validation_failed', 'No such user', { fields: [{ field: 'userId', message: 'No such user' }] });
  }
  const data = {
    ...on,
    userId,
    recordedBy,
    date: new Date(entry.date),
    minutes: Math.round(entry.hours * 60),
    rateMinor: entry.rateMinor,
    description: entry.description,
    idempotencyKey: key,
  };
  const created = await db.timeEntry.create({ data }).catch((err: unknown) => {
    // The same request twice at once: the first one's entry is the answer.
    if (key && isUniqueViolation(err)) return undefined;
    throw err;
  });
  if (created) return { created: true, entry: created };
  return { created: false, entry: await db.timeEntry.findUniqueOrThrow({ where: { idempotencyKey: key } }) };
}
