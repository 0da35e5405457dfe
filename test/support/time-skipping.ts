// For tests on the time-skipping server, whose clock is one per test file.
import type { TestWorkflowEnvironment } from '@temporalio/testing';

/** Skips the server's clock to `target` (ms since the epoch), if it is not there yet. */
export async function sleepUntil(env: TestWorkflowEnvironment, target: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}
