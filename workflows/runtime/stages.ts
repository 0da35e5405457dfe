// A journey kind's stages, declared as data: which stages exist, which may follow which, how the
// journey may end from each, who owns each, and the seed phase it implements. The runtime refuses
// an undeclared move (a bug, caught before it reaches the projection), the API serves the maps,
// the journey page draws them, and analytics counts stage entries in their order.
import type { JourneyResult } from './definitions';

/** Who works a stage: a staff role, or the customer (an answer, a signature, a payment). */
export type StageOwner = 'sales' | 'pm' | 'finance' | 'support' | 'support_lead' | 'success' | 'manager' | 'customer';

/** How a journey ends on its own (cancelled or failed can happen anywhere, so are not declared). */
export type EndStatus = Exclude<JourneyResult['status'], 'CANCELLED'>;

export type StageSpec<S extends string> = {
  /** What people call it, on the journey map. */
  label: string;
  owner: StageOwner;
  /** The seed document and phase it implements (`000 J1 phase 3`). */
  seedPhase: string;
  /** Stages that may follow this one. */
  next: readonly S[];
  /** How the journey may end while in it. */
  ends?: readonly EndStatus[];
};

export type StageMap<S extends string = string> = {
  kind: string;
  /** Stages a journey may enter first; further stages follow the declared order. */
  start: readonly S[];
  stages: { readonly [K in S]: StageSpec<S> };
};

/** Declares a kind's stage map, checking that every stage it names is declared. */
export function defineStages<const S extends string>(map: StageMap<S>): StageMap<S> {
  const known = new Set<string>(Object.keys(map.stages));
  const named = [...map.start, ...Object.values<StageSpec<S>>(map.stages).flatMap((s) => s.next)];
  const unknown = named.filter((s) => !known.has(s));
  if (unknown.length) throw new Error(`${map.kind}: stage map names undeclared stage(s) ${unknown.join(', ')}`);
  return map;
}

export type StageOf<M> = M extends StageMap<infer S> ? S : never;

/** Why `from` → `to` is not allowed by the map, or undefined when it is. `from` undefined: the first stage. */
export function refusedTransition(map: StageMap, from: string | undefined, to: string): string | undefined {
  if (!(to in map.stages)) return `${map.kind} journeys have no stage "${to}"`;
  const allowed = from === undefined ? map.start : (map.stages[from]?.next ?? []);
  if (allowed.includes(to)) return undefined;
  return from === undefined ? `${map.kind} journeys cannot start in "${to}"` : `${map.kind} journeys cannot go from "${from}" to "${to}"`;
}

/** Why ending with `status` in stage `from` is not allowed, or undefined when it is. */
export function refusedEnd(map: StageMap, from: string | undefined, status: JourneyResult['status']): string | undefined {
  if (status === 'CANCELLED') return undefined;
  if (from !== undefined && map.stages[from]?.ends?.includes(status)) return undefined;
  return `${map.kind} journeys cannot end ${status} in "${from ?? 'no stage'}"`;
}
