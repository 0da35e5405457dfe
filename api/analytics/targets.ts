// Seed 000's sales-funnel targets ("Customer Journey Analytics & Insights"), as steps between the
// stages of the declared maps: data beside the maps, typed by them, so a renamed stage does not
// compile. `COMPLETED` as a step's end: the journey ended completed (a delivery whose invoices are
// all paid). Payment → retention (70-80%) is in retention.ts: it is about clients, not stages.
import type { JourneyKind } from '../../workflows/kinds';
import { journeyKinds } from '../../workflows/kinds';
import type { StageOf } from '../../workflows/runtime/stages';

/** The journey ended COMPLETED: the funnel's step past a kind's last stage. */
export const COMPLETED = 'COMPLETED';

type StageIn<K extends JourneyKind> = StageOf<(typeof journeyKinds)[K]['stages']>;
export type TargetStep<K extends JourneyKind = JourneyKind> = { label: string; from: StageIn<K>; to: StageIn<K> | typeof COMPLETED; band: readonly [number, number] };

export const funnelTargets: { [K in JourneyKind]?: readonly TargetStep<K>[] } = {
  acquisition: [
    { label: 'Lead → proposal', from: 'inquiry', to: 'proposal', band: [40, 50] },
    { label: 'Proposal → contract', from: 'proposal', to: 'contract', band: [60, 70] },
    { label: 'Contract → project', from: 'contract', to: 'delivery', band: [80, 90] },
  ],
  delivery: [{ label: 'Project → payment', from: 'kickoff', to: COMPLETED, band: [95, 98] }],
};

export type Verdict = 'below' | 'in' | 'above';

/** `part` of `whole` as a fraction to four places (a tenth of a percent and a little more); null when nothing was counted. */
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Where a rate (0-1) falls against a band in percent; null without a rate. */
export function verdict(rate: number | null, [low, high]: readonly [number, number]): Verdict | null {
  if (rate === null) return null;
  const percent = rate * 100;
  return percent < low ? 'below' : percent > high ? 'above' : 'in';
}
