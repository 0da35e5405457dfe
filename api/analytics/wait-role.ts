// On whom a wait waits, as a role: a task's role when it was created (escalation moves the task to
// another queue, but it was that role's work that waited), the customer, or nobody (a timer).
// Used with the wait as `w` and its task (when it is one) as `t`.
import { Prisma } from '../../prisma/generated/client';

export const waitRole = Prisma.sql`CASE WHEN w.kind = 'task' THEN coalesce(t."originalRole", t.role, 'unassigned') ELSE coalesce(w."unblockedBy", 'nobody') END`;

/** Joins each wait `w` to its task `t`, when it is a task's. On text: a key that is no UUID matches nothing (a cast would fail the query). */
export const joinWaitTask = Prisma.sql`LEFT JOIN "Task" t ON w.kind = 'task' AND t.id::text = w.key`;
