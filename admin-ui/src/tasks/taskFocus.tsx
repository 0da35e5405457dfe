// Where the keyboard's focus goes after acting on a task. The button acted on is gone once the page
// shows what is true now (Claim becomes "Release to queue", the form becomes the result), and focus
// would fall back to the page's body: instead, what comes next takes it. After Claim, the form's
// first field (or "Release to queue" when there is no form to fill); after Release, Claim; after
// Complete, the result the person sent.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

export type FocusAfter = 'claimed' | 'released' | 'completed';

type TaskFocusState = { pending: FocusAfter | null; request: (after: FocusAfter) => void; done: () => void };

const TaskFocus = createContext<TaskFocusState>({ pending: null, request: () => undefined, done: () => undefined });

/** The router state of a way to a task page that claimed it on the way (the inbox's Claim). */
export const claimedOnTheWay = { focusAfter: 'claimed' satisfies FocusAfter };

/** A task page's focus: pending after an action, until what comes next has taken it. */
export const TaskFocusProvider = ({ children }: { children: ReactNode }) => {
  const { state } = useLocation();
  const [pending, setPending] = useState<FocusAfter | null>(() => (state as { focusAfter?: FocusAfter } | null)?.focusAfter ?? null);
  const value = useMemo(() => ({ pending, request: setPending, done: () => setPending(null) }), [pending]);
  return <TaskFocus.Provider value={value}>{children}</TaskFocus.Provider>;
};

/** Asks for focus to go on to what comes after an action, once it is shown. */
export const useRequestFocus = () => useContext(TaskFocus).request;

/** The first field a person can type in or pick with, in `root`. */
export const firstField = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('input, textarea, select, [role="combobox"]')].find(
    (e) => e.tabIndex >= 0 && !e.hasAttribute('disabled') && e.getAttribute('aria-hidden') !== 'true' && (e as HTMLInputElement).type !== 'hidden',
  ) ?? null;

/**
 * Takes focus after `after`, once `ref`'s element is shown and `when` holds: the element itself, or
 * what `pick` finds in it.
 */
export function useFocusAfter(after: FocusAfter, ref: RefObject<HTMLElement | null>, { when = true, pick }: { when?: boolean; pick?: (root: HTMLElement) => HTMLElement | null } = {}) {
  const { pending, done } = useContext(TaskFocus);
  useEffect(() => {
    if (pending !== after || !when || !ref.current) return;
    const target = pick ? pick(ref.current) : ref.current;
    if (!target) return;
    target.focus();
    done();
  });
}
