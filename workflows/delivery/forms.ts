// The delivery journey's human-task forms (seed 000 journey 2 / seed 004): the project team,
// kickoff and plan, milestone deliveries, finance's view of a change request, and answers to what
// the customer sent back.
import { z } from 'zod';
import { longText, name, person } from '../runtime/form-fields';

export const deliveryTaskForms = {
  'assign-team': z.object({
    projectManager: person,
    team: z.array(z.object({ name: person, role: name })).min(1, 'Name at least one team member').max(50),
  }),
  'kickoff-meeting': z.object({
    notes: longText,
    /** The plan the customer is asked to confirm. */
    plan: longText,
  }),
  'submit-milestone': z.object({ summary: longText, deliverables: longText }),
  'review-change-request': z.object({ decision: z.enum(['approve', 'reject']), notes: longText }),
  'address-feedback': z.object({ notes: longText }),
} as const;
