// Seed 000, customer journey 3 (billing & payment): one invoice from issue to paid, and a
// payment that came after its invoice's journey ended (the late-payment workflow).
import { defineStages } from '../runtime/stages';

export const billingStages = defineStages({
  kind: 'billing',
  start: ['invoiced', 'late-payment'],
  stages: {
    invoiced: { label: 'Invoiced', owner: 'finance', seedPhase: '000 J3 phase 1: invoice generation', next: ['awaiting-payment'] },
    'awaiting-payment': { label: 'Awaiting payment', owner: 'customer', seedPhase: '000 J3 phase 2: payment processing', next: ['paid'] },
    paid: { label: 'Paid', owner: 'finance', seedPhase: '000 J3 phase 2: payment processing', next: [], ends: ['COMPLETED'] },
    'late-payment': { label: 'Late payment', owner: 'finance', seedPhase: '000 J3 phase 2: payment processing', next: [], ends: ['COMPLETED'] },
  },
});
