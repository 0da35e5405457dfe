// Seed 003's client phases 4-7 (seed 000 journey 4, phase 2: relationship nurturing): one journey
// for as long as the customer stays a client. Its stage follows the client's phase (cadence.ts),
// so a delivery handed over late starts its cadence in the phase the client has reached. The
// journey ends LOST when the customer leaves or goes quiet: they become a former client.
import type { ClientPhase } from './cadence';
import { defineStages, type StageOf } from '../runtime/stages';

export const retentionStages = defineStages({
  kind: 'retention',
  start: ['onboarding'],
  stages: {
    onboarding: {
      label: 'Onboarding',
      owner: 'success',
      seedPhase: '003 phase 4: onboarding',
      next: ['first-90-days', 'first-year', 'established'],
      ends: ['LOST'],
    },
    'first-90-days': {
      label: 'Client 0-90 days: check-ins',
      owner: 'success',
      seedPhase: '003 phase 5: client for 0-90 days',
      next: ['first-year'],
      ends: ['LOST'],
    },
    'first-year': {
      label: 'Client 90 days-1 year: quarterly reviews',
      owner: 'success',
      seedPhase: '003 phase 6: client for 90 days-1 year',
      next: ['established'],
      ends: ['LOST'],
    },
    established: { label: 'Client 1 year+: annual reviews', owner: 'success', seedPhase: '003 phase 7: client for 1 year+', next: [], ends: ['LOST'] },
  },
});

/** The stage a client in each phase is in. */
export const STAGE_OF_PHASE: Record<ClientPhase, StageOf<typeof retentionStages>> = {
  ONBOARDING: 'onboarding',
  CLIENT_0_90_DAYS: 'first-90-days',
  CLIENT_90_DAYS_1_YEAR: 'first-year',
  ESTABLISHED: 'established',
};
