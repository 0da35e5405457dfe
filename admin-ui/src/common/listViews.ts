// Tabs over a list, each a filter of its own ("My tasks", "Overdue invoices"). The list's other
// filters refine whichever tab is on, and are kept when switching tabs.
import type { MessageKey } from '../i18n/en';

/** `label` and the empty state's words are keys of the UI's catalogue (admin-ui/src/i18n). */
export type ListView = {
  id: string;
  label: MessageKey;
  filter: Record<string, unknown>;
  empty: { title: MessageKey; hint: MessageKey };
};

export type ListViews<V extends ListView> = {
  all: V[];
  /** The filters that refine the tab, not pick it. */
  refinements: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** The tab a filter is on, if any. */
  current: (filter: Record<string, unknown>) => V | undefined;
};

export function listViews<V extends ListView>(all: V[]): ListViews<V> {
  // The keys that pick a tab; a tab without one of them wants it unset ("All" sets none).
  const keys = [...new Set(all.flatMap((view) => Object.keys(view.filter)))];
  return {
    all,
    refinements: (filter) => Object.fromEntries(Object.entries(filter).filter(([key]) => !keys.includes(key))),
    current: (filter) => all.find((view) => keys.every((key) => filter[key] === view.filter[key])),
  };
}
