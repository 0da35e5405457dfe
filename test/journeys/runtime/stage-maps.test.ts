// Declared stage maps: each kind's map is consistent, the runtime follows it, and a journey that
// steps off its map fails (visibly, with the reason) instead of writing an undeclared stage.
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { journeyKinds } from '../../../workflows/kinds';
import { refusedEnd, refusedTransition, type StageMap } from '../../../workflows/runtime/stages';
import { startTemporal } from '../../support/harness';

describe('the declared stage maps', () => {
  const maps = Object.values(journeyKinds).map((k) => k.stages as StageMap);

  it.each(maps.map((m) => [m.kind, m]))('%s: every stage is reachable from a start and can reach an end', (_kind, map) => {
    const reached = new Set<string>(map.start);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of [...reached]) for (const n of map.stages[s]!.next) if (!reached.has(n)) grew = reached.add(n) !== undefined;
    }
    expect([...reached].sort()).toEqual(Object.keys(map.stages).sort());
    const ending = new Set(Object.entries(map.stages).filter(([, s]) => s.ends?.length).map(([id]) => id));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [id, s] of Object.entries(map.stages)) if (!ending.has(id) && s.next.some((n) => ending.has(n))) grew = ending.add(id) !== undefined;
    }
    expect([...ending].sort()).toEqual(Object.keys(map.stages).sort());
  });

  it('allows declared moves and ends only', () => {
    const acquisition = journeyKinds.acquisition.stages;
    expect(refusedTransition(acquisition, undefined, 'inquiry')).toBeUndefined();
    expect(refusedTransition(acquisition, 'customer-review', 'proposal')).toBeUndefined();
    expect(refusedTransition(acquisition, undefined, 'discovery')).toBeUndefined(); // repeat business starts there
    expect(refusedTransition(acquisition, undefined, 'proposal')).toBe('acquisition journeys cannot start in "proposal"');
    expect(refusedTransition(acquisition, 'inquiry', 'contract')).toBe('acquisition journeys cannot go from "inquiry" to "contract"');
    expect(refusedTransition(acquisition, 'inquiry', 'paid')).toBe('acquisition journeys have no stage "paid"');
    expect(refusedEnd(acquisition, 'deposit', 'LOST')).toBeUndefined();
    expect(refusedEnd(acquisition, 'discovery', 'COMPLETED')).toBe('acquisition journeys cannot end COMPLETED in "discovery"');
    // A manager may cancel a journey wherever it is.
    expect(refusedEnd(acquisition, 'discovery', 'CANCELLED')).toBeUndefined();
  });
});

describe('the runtime on a stage map (mocked activities)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const recorded: Array<{ journeyId: string; stage: string; sequence: number }> = [];
  const failed: Array<{ journeyId: string; reason: string }> = [];
  const ended: Array<{ journeyId: string; status: string }> = [];
  const taskQueue = 'stage-maps';

  beforeAll(async () => {
    env = await startTemporal({ timeSkipping: true });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/stage-maps'), logger: new DefaultLogger('WARN') }),
      activities: {
        recordStage: async (a: { journeyId: string; stage: string; sequence: number }) => void recorded.push(a),
        endJourney: async (a: { journeyId: string; status: string }) => void ended.push(a),
        failJourney: async (a: { journeyId: string; reason: string }) => void failed.push(a),
      },
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const walk = (journeyId: string, stages: string[], status: 'COMPLETED' | 'LOST' = 'COMPLETED') =>
    env.client.workflow.execute('stageWalkJourney', { workflowId: journeyId, taskQueue, args: [journeyId, stages, status] });

  it('records each declared stage in order, re-entries included, and ends where the map allows', async () => {
    await expect(walk('walk-ok', ['first', 'second', 'first', 'second'])).resolves.toMatchObject({ status: 'COMPLETED', stage: 'second' });
    expect(recorded.filter((r) => r.journeyId === 'walk-ok').map((r) => `${r.sequence}:${r.stage}`)).toEqual(['1:first', '2:second', '3:first', '4:second']);
    expect(ended).toContainEqual(expect.objectContaining({ journeyId: 'walk-ok', status: 'COMPLETED' }));
  });

  it.each([
    ['walk-skip', ['second'], 'COMPLETED', 'test journeys cannot start in "second"', []],
    ['walk-unknown', ['first', 'third'], 'COMPLETED', 'test journeys have no stage "third"', ['first']],
    ['walk-bad-end', ['first'], 'COMPLETED', 'test journeys cannot end COMPLETED in "first"', ['first']],
    ['walk-bad-outcome', ['first', 'second'], 'LOST', 'test journeys cannot end LOST in "second"', ['first', 'second']],
  ] as const)('%s: an undeclared move fails the journey with the reason, and is not recorded', async (id, stages, status, reason, entered) => {
    const err = await walk(id, [...stages], status).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect((err as WorkflowFailedError).cause).toMatchObject({ type: 'UndeclaredStage', message: reason });
    expect(recorded.filter((r) => r.journeyId === id).map((r) => r.stage)).toEqual(entered);
    expect(failed.filter((f) => f.journeyId === id).map((f) => f.reason)).toEqual([reason]);
    expect(ended.filter((e) => e.journeyId === id)).toEqual([]);
  });
});
