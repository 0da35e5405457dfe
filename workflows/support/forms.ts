// The support journey's human-task forms: the support lead's follow-up of a low satisfaction rating.
import { z } from 'zod';
import { longText } from '../runtime/form-fields';

export const supportTaskForms = {
  'csat-follow-up': z.object({ outcome: z.enum(['called-customer', 'emailed-customer', 'no-action-needed']), notes: longText }),
} as const;
