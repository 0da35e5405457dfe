// Seed 001 (support journey map) and seed 000's journey 4, phase 1 (post-project support): one
// ticket from raised to closed. It moves between the agent and the customer as they reply, is
// resolved when the agent proposes a resolution, and closes when the customer confirms it, when
// nobody answers within the closing window, or when staff close it as spam or a duplicate.
import { defineStages } from '../runtime/stages';

export const supportStages = defineStages({
  kind: 'support',
  start: ['new'],
  stages: {
    new: { label: 'New', owner: 'support', seedPhase: '001: ticket raised and routed', next: ['open', 'waiting-on-customer', 'resolved', 'closed'] },
    open: { label: 'Open', owner: 'support', seedPhase: '001: agent working', next: ['waiting-on-customer', 'resolved', 'closed'] },
    'waiting-on-customer': { label: 'Waiting on customer', owner: 'customer', seedPhase: '001: customer replying', next: ['open', 'resolved', 'closed'] },
    resolved: { label: 'Resolved', owner: 'customer', seedPhase: '001: resolution confirmed', next: ['open', 'closed'] },
    closed: { label: 'Closed', owner: 'support', seedPhase: '001: automated ticket closing', next: [], ends: ['COMPLETED'] },
  },
});
