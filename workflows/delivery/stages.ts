// Seed 000, customer journey 2 (project execution & delivery), with seed 004's delivery map.
import { defineStages } from '../runtime/stages';

export const deliveryStages = defineStages({
  kind: 'delivery',
  start: ['kickoff'],
  stages: {
    kickoff: { label: 'Kickoff', owner: 'pm', seedPhase: '000 J2 phase 1: project kickoff', next: ['plan-review'] },
    'plan-review': { label: 'Plan review', owner: 'customer', seedPhase: '000 J2 phase 2: design & planning', next: ['in-progress'] },
    'in-progress': { label: 'In progress', owner: 'pm', seedPhase: '000 J2 phase 3: development & testing', next: ['sign-off'] },
    'sign-off': { label: 'Sign-off', owner: 'customer', seedPhase: '000 J2 phase 4: final delivery & launch', next: ['billing'] },
    billing: { label: 'Final billing', owner: 'finance', seedPhase: '000 J3: billing & payment', next: [], ends: ['COMPLETED'] },
  },
});
