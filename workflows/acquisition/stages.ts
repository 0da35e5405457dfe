// Seed 000, customer journey 1 (new customer acquisition), phases 1-5, as the journey walks them.
import type { JourneyRuntime } from '../runtime/journey';
import { defineStages } from '../runtime/stages';

export const acquisitionStages = defineStages({
  kind: 'acquisition',
  // A contact-form lead starts at its inquiry; repeat business from a client, who is known, at discovery.
  start: ['inquiry', 'discovery'],
  stages: {
    inquiry: { label: 'Inquiry', owner: 'sales', seedPhase: '000 J1 phase 1: initial contact', next: ['discovery'], ends: ['LOST'] },
    discovery: { label: 'Discovery', owner: 'sales', seedPhase: '000 J1 phase 2: discovery & consultation', next: ['proposal'] },
    proposal: { label: 'Proposal', owner: 'sales', seedPhase: '000 J1 phase 3: proposal development', next: ['customer-review'] },
    'customer-review': {
      label: 'Customer review',
      owner: 'customer',
      seedPhase: '000 J1 phase 4: proposal review & negotiation',
      next: ['proposal', 'contract'],
      ends: ['LOST'],
    },
    contract: { label: 'Contract', owner: 'customer', seedPhase: '000 J1 phase 5: contract & approval', next: ['deposit'], ends: ['LOST'] },
    deposit: { label: 'Deposit', owner: 'customer', seedPhase: '000 J1 phase 5: contract & approval', next: ['delivery'], ends: ['LOST'] },
    delivery: { label: 'Won: to delivery', owner: 'pm', seedPhase: '000 J2 phase 1: project kickoff', next: [], ends: ['COMPLETED'] },
  },
});

/** The runtime of an acquisition journey: its phases enter only these stages. */
export type AcquisitionRuntime = JourneyRuntime<typeof acquisitionStages>;
