// Kinds of wait in the waiting-on index (same values as the database enum). Pure data, so the API's
// contract (api/contract/records.ts, bundled into the admin UI) reads the same list.
export const WAIT_KINDS = ['task', 'signature', 'payment', 'approval', 'timer', 'signal', 'reply'] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];
