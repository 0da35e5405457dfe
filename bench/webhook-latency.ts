// `npm run bench:webhook-latency`: the time from a signed Stripe delivery of a deposit payment
// to the journey's record of it in PostgreSQL (the payment_received event), against the bare path
// on the same server: a raw Temporal signal to a workflow that writes one row. One delivery at a
// time, interleaved with the bare signals, both measured by the same 5 ms poll of PostgreSQL.
import { randomUUID } from 'node:crypto';
import { deliverStripeWebhook } from '../test/support/stand-ins/stripe';
import { goSignal, type bareSignalRow } from './bare-workflows';
import { BARE_TASK_QUEUE, startBareWorker } from './bare-worker';
import { startDepositBench, WEBHOOK_SECRET } from './deposit-journeys';
import { recordResults } from './results';
import { poll, summary, timed } from './support';

// 100: a p95 of fewer samples is one or two outliers.
const N = Number(process.env.BENCH_JOURNEYS ?? 100);

async function main() {
  const { stack, stripe, journeys, stop } = await startDepositBench(N);
  const bare = await startBareWorker(stack.env.nativeConnection, stack.databaseUrl);
  try {
    const client = stack.env.client;
    const bareIds = Array.from({ length: N }, () => `bare-${randomUUID()}`);
    await Promise.all(bareIds.map((id) => client.workflow.start<typeof bareSignalRow>('bareSignalRow', { taskQueue: BARE_TASK_QUEUE, workflowId: id, args: [id] })));

    const viaWebhook = (i: number) => async () => {
      const { journeyId, intentId } = journeys[i]!;
      const event = stripe.event('payment_intent.succeeded', stripe.pay(intentId).paymentIntent);
      const res = await deliverStripeWebhook(`${stack.baseUrl}/webhooks/stripe`, event, WEBHOOK_SECRET);
      if (res.status !== 200) throw new Error(`the webhook answered ${res.status}`);
      await poll(() => stack.db.journeyEvent.findFirst({ where: { journeyId, type: 'payment_received' }, select: { id: true } }));
    };
    const viaSignal = (i: number) => async () => {
      const id = bareIds[i]!;
      await client.workflow.getHandle(id).signal(goSignal);
      await poll(() => bare.hasRow(id, 'signalled'));
    };

    const webhook: number[] = [];
    const signal: number[] = [];
    for (let i = 0; i < N; i++) {
      // Alternate which goes first, so neither always runs on a warmer server.
      if (i % 2 === 0) {
        webhook.push(await timed(viaWebhook(i)));
        signal.push(await timed(viaSignal(i)));
      } else {
        signal.push(await timed(viaSignal(i)));
        webhook.push(await timed(viaWebhook(i)));
      }
    }

    console.log(`\nA payment's way into the journey (${N} each, one at a time, interleaved)`);
    const w = summary('signed Stripe webhook', webhook);
    const b = summary('bare signal → one row', signal);
    console.log(`ratio webhook/bare           p50=${(w.p50 / b.p50).toFixed(2)}x  p95=${(w.p95 / b.p95).toFixed(2)}x`);
    recordResults('webhook-latency', {
      deliveries: N,
      webhookP50Ms: w.p50,
      webhookP95Ms: w.p95,
      bareSignalP50Ms: b.p50,
      bareSignalP95Ms: b.p95,
      ratioP50: w.p50 / b.p50,
      ratioP95: w.p95 / b.p95,
    });
  } finally {
    await bare.stop();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
