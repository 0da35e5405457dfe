// What a person has typed and not yet sent (a task's answers, a ticket's reply), kept in the
// browser under `<prefix>:<id>` until it is sent: a session that ends, a reload, or someone else
// acting first loses nothing.
export type Draft = Record<string, unknown>;

export function draftStore<D extends Draft = Draft>(prefix: string) {
  const keyOf = (id: string) => `${prefix}:${id}`;
  return {
    load(id: string): D | undefined {
      try {
        const raw = localStorage.getItem(keyOf(id));
        const draft: unknown = raw ? JSON.parse(raw) : undefined;
        return draft && typeof draft === 'object' && !Array.isArray(draft) && Object.keys(draft).length > 0 ? (draft as D) : undefined;
      } catch {
        return undefined; // storage disabled, or an entry that is not ours
      }
    },
    save(id: string, values: D): void {
      try {
        if (Object.keys(values).length === 0) localStorage.removeItem(keyOf(id));
        else localStorage.setItem(keyOf(id), JSON.stringify(values));
      } catch {
        // Storage full or disabled: the form still works, only without a draft.
      }
    },
    clear(id: string): void {
      try {
        localStorage.removeItem(keyOf(id));
      } catch {
        // as above
      }
    },
  };
}
