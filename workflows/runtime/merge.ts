// Registries declare records per journey kind; these merge them into one, with the merged type.

export type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** One record with every entry of `records`; a name declared twice is a mistake (one would shadow the other). */
export function mergeRecords<R extends Record<string, unknown>>(what: string, records: readonly R[]): UnionToIntersection<R> {
  const merged: Record<string, unknown> = {};
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (name in merged) throw new Error(`Two ${what} are named ${name}`);
      merged[name] = value;
    }
  }
  return merged as UnionToIntersection<R>;
}
