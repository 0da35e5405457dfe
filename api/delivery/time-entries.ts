// Time worked on a milestone, which its invoice bills: the rules for recording an entry. An
// entry on a milestone already invoiced is refused (its invoice could no longer bill it); a
// caller's idempotency key makes a repeat, even a concurrent one, return the first entry.
import { z } from 'zod';
import { isUniqueViolation } from '../../platform/db';
import type { Db } from '../../platform/db';
import { text } from '../../workflows/runtime/storable-text';
import { AppError } from '../errors';

export const minor = z.number().int('Must be a whole number of minor units').nonnegative().max(1_000_000_000);

export const timeEntryBody = z
  .object({
    milestoneId: z.uuid(),
    /** Who worked; the caller when absent. */
    userId: z.uuid().optional(),
    date: z.iso.date('Must be a date, YYYY-MM-DD'),
    hours: z.number().positive().max(24).multipleOf(0.25, 'In quarter hours'),
    rateMinor: minor.positive(),
    description: text(500),
  })
  .strict();

type TimeEntryRequest = { entry: z.infer<typeof timeEntryBody>; recordedBy: string; idempotencyKey?: string };

/** Records a time entry; `created` false when the same key was seen before (the first entry is returned). */
export async function recordTimeEntry(db: Db, { entry, recordedBy, idempotencyKey }: TimeEntryRequest) {
  // The caller's key, scoped to the caller.
  const key = idempotencyKey ? `${recordedBy}:${idempotencyKey}` : undefined;
  const earlier = key && (await db.timeEntry.findUnique({ where: { idempotencyKey: key } }));
  if (earlier) return { created: false, entry: earlier };
  const milestone = await db.milestone.findUnique({ where: { id: entry.milestoneId }, include: { invoice: true } });
  if (!milestone) throw new AppError('validation_failed', 'No such milestone', { fields: [{ field: 'milestoneId', message: 'No such milestone' }] });
  if (milestone.invoice) throw new AppError('conflict', `Milestone ${milestone.position} is already invoiced (${milestone.invoice.number})`);
  const userId = entry.userId ?? recordedBy;
  if (!(await db.user.findUnique({ where: { id: userId } }))) {
    throw new AppError('validation_failed', 'No such user', { fields: [{ field: 'userId', message: 'No such user' }] });
  }
  const data = {
    projectId: milestone.projectId,
    milestoneId: milestone.id,
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
