// The baselines' workflows: the same steps as the platform's, written as bare Temporal code with
// no journey runtime. Each activity writes one row (bench/bare-worker.ts).
import { condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BareActivities } from './bare-worker';

const { writeRow } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

export const goSignal = defineSignal('go');

/** Waits for one signal, then writes one row: the bare path of a webhook into a workflow's state. */
export async function bareSignalRow(id: string): Promise<void> {
  let signalled = false;
  setHandler(goSignal, () => void (signalled = true));
  await condition(() => signalled);
  await writeRow({ id, step: 'signalled' });
}

/** The reference journey's steps, bare: a stage row, a task row, a signal, its completion row, a timer (recorded open and closed), the end row. */
export async function bareReference(id: string, timerMs: number): Promise<void> {
  let signalled = false;
  setHandler(goSignal, () => void (signalled = true));
  await writeRow({ id, step: 'stage' });
  await writeRow({ id, step: 'task' });
  await condition(() => signalled);
  await writeRow({ id, step: 'completed' });
  await writeRow({ id, step: 'timer-open' });
  await sleep(timerMs);
  await writeRow({ id, step: 'timer-closed' });
  await writeRow({ id, step: 'end' });
}
