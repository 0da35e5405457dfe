// `npm run bench:throughput`: completed reference journeys per second on the dev server. The
// reference journey (bench/reference-journey.ts) runs through the platform's primitives — a stage,
// a human task completed through the API, a timer recorded as a wait, the end — against the same
// steps written as a bare Temporal workflow (bench/bare-workflows.ts). Both sides run the same
// number of journeys with the same concurrency and worker settings, in alternating rounds.
import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { devUserEmail, ensureDevUsers } from '../api/auth/dev-users';
import { DEV_USER_PASSWORD } from '../platform/config';
import { followUpQualified } from '../test/support/fixtures';
import { request } from '../test/support/http';
import { journeyWorkflowId } from '../workflows/runtime/definitions';
import { createJourneyWorker, JOURNEY_WORKFLOW_INTERCEPTORS } from '../workers/journey-worker';
import { goSignal, type bareReference } from './bare-workflows';
import { BARE_TASK_QUEUE, startBareWorker } from './bare-worker';
import { activityScheduleToStart } from './history-stats';
import { recordResults } from './results';
import { percentile, pool, poll, startBenchStack } from './support';

const N = Number(process.env.BENCH_JOURNEYS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const ROUNDS = 2;
const TIMER_MS = 1_000;
const REFERENCE_QUEUE = 'bench-reference';

async function main() {
  const stack = await startBenchStack();
  const client = stack.env.client;
  const bare = await startBareWorker(stack.env.nativeConnection, stack.databaseUrl);
  const worker = await createJourneyWorker({
    connection: stack.env.nativeConnection,
    namespace: stack.env.namespace ?? 'default',
    taskQueue: REFERENCE_QUEUE,
    deps: { db: stack.db, config: stack.config },
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./reference-journey'),
      workflowInterceptorModules: JOURNEY_WORKFLOW_INTERCEPTORS,
      logger: new DefaultLogger('WARN'),
    }),
  });
  const workerDone = worker.run();
  try {
    await ensureDevUsers(stack.db);
    const login = await request(stack.baseUrl, 'POST', '/api/auth/login', { email: devUserEmail('sales'), password: DEV_USER_PASSWORD });
    const token = login.body.token as string;

    /** A journey's customer and row, as the API writes them when a journey starts (outside the timed part). */
    const journeyRow = async () => {
      const customer = await stack.db.customer.create({ data: { companyName: 'Bench Co', contactName: 'Bea Bench', email: `bea+${randomUUID()}@bench.test` } });
      const journeyId = journeyWorkflowId(customer.id, 'acquisition', 1);
      await stack.db.journey.create({ data: { id: journeyId, kind: 'acquisition', customerId: customer.id, stage: 'work' } });
      return journeyId;
    };
    const platformJourney = async (journeyId: string) => {
      const handle = await client.workflow.start('referenceJourney', { taskQueue: REFERENCE_QUEUE, workflowId: journeyId, args: [{ journeyId, timerMs: TIMER_MS }] });
      const task = await poll(() => stack.db.task.findFirst({ where: { journeyId, status: 'OPEN' }, select: { id: true } }));
      const res = await request(stack.baseUrl, 'POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified }, token);
      if (res.status !== 200) throw new Error(`completing the task: ${res.status} ${JSON.stringify(res.body)}`);
      const result = await handle.result();
      if (result.status !== 'COMPLETED') throw new Error(`journey ended ${result.status}`);
    };
    const bareJourney = async (id: string) => {
      const handle = await client.workflow.start<typeof bareReference>('bareReference', { taskQueue: BARE_TASK_QUEUE, workflowId: id, args: [id, TIMER_MS] });
      await poll(() => bare.hasRow(id, 'task'));
      await handle.signal(goSignal);
      await handle.result();
    };

    // A warm-up of each, then alternating rounds so neither side always runs on a warmer server.
    await Promise.all([platformJourney(await journeyRow()), bareJourney(`bare-${randomUUID()}`)]);
    const perRound = Math.ceil(N / ROUNDS);
    const seconds = { platform: 0, bare: 0 };
    const ids = { platform: [] as string[], bare: [] as string[] };
    console.log(`Running ${perRound * ROUNDS} reference journeys each way, ${CONCURRENCY} at a time, in ${ROUNDS} alternating rounds…`);
    for (let round = 0; round < ROUNDS; round++) {
      const journeys = await Promise.all(Array.from({ length: perRound }, journeyRow));
      const bareIds = Array.from({ length: perRound }, () => `bare-${randomUUID()}`);
      const sides = [
        ['platform', () => pool(journeys, CONCURRENCY, platformJourney)],
        ['bare', () => pool(bareIds, CONCURRENCY, bareJourney)],
      ] as const;
      for (const [side, run] of round % 2 === 0 ? sides : [...sides].reverse()) {
        const started = Date.now();
        await run();
        seconds[side] += (Date.now() - started) / 1000;
        console.log(`  round ${round + 1}: ${side.padEnd(8)} ${perRound} journeys in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      ids.platform.push(...journeys);
      ids.bare.push(...bareIds);
    }

    const rate = { platform: ids.platform.length / seconds.platform, bare: ids.bare.length / seconds.bare };
    const s2s = { platform: await activityScheduleToStart(client, ids.platform), bare: await activityScheduleToStart(client, ids.bare) };
    const figures = {
      journeys: ids.platform.length,
      concurrency: CONCURRENCY,
      timerMs: TIMER_MS,
      platformPerSecond: rate.platform,
      barePerSecond: rate.bare,
      ratioBareToPlatform: rate.bare / rate.platform,
      platformActivityScheduleToStartP95Ms: percentile(s2s.platform, 95),
      bareActivityScheduleToStartP95Ms: percentile(s2s.bare, 95),
    };
    console.log(`\nReference journeys (6 activities, 1 message, a ${TIMER_MS} ms timer), ${ids.platform.length} each, ${CONCURRENCY} at a time`);
    console.log(`  platform primitives  ${rate.platform.toFixed(2)} journeys/s   activity schedule-to-start p95=${figures.platformActivityScheduleToStartP95Ms.toFixed(0)} ms`);
    console.log(`  bare Temporal        ${rate.bare.toFixed(2)} journeys/s   activity schedule-to-start p95=${figures.bareActivityScheduleToStartP95Ms.toFixed(0)} ms`);
    console.log(`  ratio bare/platform  ${figures.ratioBareToPlatform.toFixed(2)}x`);
    recordResults('throughput', figures);
  } finally {
    worker.shutdown();
    await workerDone;
    await bare.stop();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
