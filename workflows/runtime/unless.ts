// A primitive (a task, a decision) raced against the journey moving on without it: the retention
// journey's check-ins and reviews give way when the relationship ends or the next one falls due.
import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';

/**
 * Runs `work` until it is done; or, when `stop()` holds or `timeoutMs` passes first, cancels it (its
 * task closed as the journey moving on) and returns undefined.
 */
export async function unless<T>(work: () => Promise<T>, stop: () => boolean, timeoutMs?: number): Promise<{ value: T } | undefined> {
  const scope = new CancellationScope();
  let outcome: { value: T } | { error: unknown } | undefined;
  const running = scope.run(work).then(
    (value) => void (outcome = { value }),
    (error: unknown) => void (outcome = { error }),
  );
  const settled = () => outcome !== undefined || stop();
  await (timeoutMs === undefined ? condition(settled) : condition(settled, Math.max(timeoutMs, 1)));
  if (!outcome) {
    scope.cancel();
    await running;
  }
  if (outcome && 'error' in outcome) {
    if (isCancellation(outcome.error)) return undefined;
    throw outcome.error;
  }
  return outcome;
}
