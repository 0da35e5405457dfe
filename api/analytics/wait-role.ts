// On whom a wait `w` waited, as a role: what its row kept as it opened (a task's queue at creation,
// which escalation does not change, or the customer), or nobody (a timer).
import { Prisma } from '../../prisma/generated/client';

export const waitRole = Prisma.sql`coalesce(w.role, 'nobody')`;
