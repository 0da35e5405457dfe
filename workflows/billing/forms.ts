// The billing journey's human-task forms.
import { z } from 'zod';
import { longText } from '../runtime/form-fields';

export const billingTaskForms = {
  // A payment after its invoice was settled (or its journey ended): refunded at the provider, or kept.
  'review-late-payment': z.object({ outcome: z.enum(['refunded', 'kept']), notes: longText }),
} as const;
