// What the ticket page and the inbox show of a ticket's SLA clock: pure zod, so the API's contract
// (api/contract/records.ts) and the admin UI use the very schema the journey writes its views by.
import { z } from 'zod';

export const CLOCK_NAMES = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export const clockViewSchema = z.object({
  state: z.enum(['running', 'paused', 'met', 'breached']),
  targetMinutes: z.number(),
  /** Business minutes counted so far (final once met or stopped). */
  elapsedMinutes: z.number(),
  /** Business minutes left before the breach (negative once breached). */
  remainingMinutes: z.number(),
  /** When it breaches if it keeps running (past once breached); absent while paused or stopped. */
  dueAt: z.string().optional(),
  breachedAt: z.string().optional(),
  stoppedAt: z.string().optional(),
});
export type ClockView = z.infer<typeof clockViewSchema>;
