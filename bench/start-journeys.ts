// `npm run bench`: journey start latency through the API (HTTP, validation, workflow start) against
// a bare Temporal client starting the same workflow, measured in the same run on the same server,
// interleaved so both see the same conditions. No worker runs: this measures starting.
import { randomUUID } from 'node:crypto';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import type { acquisitionJourney } from '../workflows';
import { journeyWorkflowId } from '../workflows/runtime/definitions';
import { recordResults } from './results';
import { postJson, startBenchStack, summary, timed } from './support';

const N = Number(process.env.BENCH_JOURNEYS ?? 200);
const WARMUP = 20;

const inquiry = () => ({
  companyName: 'Bench Co',
  contactName: 'Bea Bench',
  email: `bea+${randomUUID()}@bench.test`,
  projectType: 'Website Design',
  budgetRange: '$10K-$50K',
  timeline: '3-6 months',
  description: 'Benchmark lead',
});

async function main() {
  const stack = await startBenchStack();
  try {
    const viaApi = async () => {
      const res = await postJson(`${stack.baseUrl}/api/leads`, inquiry());
      if (res.status !== 201) throw new Error(`API answered ${res.status}: ${res.body}`);
    };
    // The same request refused by validation: HTTP, middleware and the error answer, no Temporal.
    const refused = async () => {
      const res = await postJson(`${stack.baseUrl}/api/leads`, { ...inquiry(), email: 'not an address' });
      if (res.status !== 400) throw new Error(`API answered ${res.status}: ${res.body}`);
    };
    const viaClient = async () => {
      const customerId = randomUUID();
      const journeyId = journeyWorkflowId(customerId, 'acquisition', 1);
      await stack.env.client.workflow.start<typeof acquisitionJourney>('acquisitionJourney', {
        workflowId: journeyId,
        taskQueue: stack.config.temporal.taskQueue,
        args: [{ journeyId, customerId, inquiry: inquiry(), followUpDueHours: 24 }],
        // The API's own start options (api/acquisition/submit-lead.ts).
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    };

    for (let i = 0; i < WARMUP; i++) await Promise.all([viaApi(), viaClient()]);
    const api: number[] = [];
    const bare: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < N; i++) {
      floor.push(await timed(refused));
      // Alternate which goes first, so neither always runs on a warmer server.
      if (i % 2 === 0) {
        api.push(await timed(viaApi));
        bare.push(await timed(viaClient));
      } else {
        bare.push(await timed(viaClient));
        api.push(await timed(viaApi));
      }
    }

    console.log(`\nJourney start latency (${N} each, sequential, after ${WARMUP} warm-up starts each)`);
    const a = summary('POST /api/leads', api);
    const b = summary('bare client workflow.start', bare);
    const f = summary('POST /api/leads refused (400)', floor);
    console.log(`ratio API/bare               p50=${(a.p50 / b.p50).toFixed(2)}x  p95=${(a.p95 / b.p95).toFixed(2)}x`);
    console.log(`the HTTP round trip and middleware without Temporal (the 400) are ${f.p50.toFixed(2)} ms of the API's p50`);
    recordResults('start', {
      starts: N, apiP50Ms: a.p50, apiP95Ms: a.p95, bareP50Ms: b.p50, bareP95Ms: b.p95, refusedP50Ms: f.p50, ratioP50: a.p50 / b.p50, ratioP95: a.p95 / b.p95,
    });
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
