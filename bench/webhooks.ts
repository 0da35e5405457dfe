// `npm run bench:webhooks`: 500 signed Stripe webhook deliveries posted concurrently to
// /webhooks/stripe — for 100 journeys waiting on their deposit, four distinct events each
// (payment_intent.created, charge.succeeded, payment_intent.succeeded, payment_intent.processing)
// in shuffled order, plus a redelivery of every payment_intent.succeeded (a fifth duplicates).
// Checks that no event is lost and none applied twice, and prints throughput and the time from
// delivering a payment to the journey recording it (p50/p95).
import { randomInt } from 'node:crypto';
import { eventually } from '../test/support/http';
import { deliverStripeWebhook, type StripeEvent } from '../test/support/stand-ins/stripe';
import { startDepositBench, WEBHOOK_SECRET } from './deposit-journeys';
import { recordResults } from './results';
import { percentile, pool } from './support';

const JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 100);
const CONCURRENCY = 50;

async function main() {
  const { stack, stripe, journeys, stop } = await startDepositBench(JOURNEYS);
  try {
    // Every journey's events, shuffled together; the succeeded event is delivered twice.
    type Delivery = { journeyId: string; event: StripeEvent; payment: boolean };
    const deliveries: Delivery[] = journeys.flatMap(({ journeyId, intentId }) => {
      const created = stripe.event('payment_intent.created', { ...stripe.paymentIntents.get(intentId)! });
      const { paymentIntent, charge } = stripe.pay(intentId);
      const succeeded = stripe.event('payment_intent.succeeded', paymentIntent);
      return [
        { journeyId, event: created, payment: false },
        { journeyId, event: stripe.event('payment_intent.processing', { ...paymentIntent, status: 'processing' }), payment: false },
        { journeyId, event: stripe.event('charge.succeeded', charge), payment: false },
        { journeyId, event: succeeded, payment: true },
        { journeyId, event: succeeded, payment: true },
      ];
    });
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }

    const firstPaymentSent = new Map<string, number>();
    const postStart = Date.now();
    const statuses = await pool(deliveries, CONCURRENCY, async (d) => {
      if (d.payment && !firstPaymentSent.has(d.journeyId)) firstPaymentSent.set(d.journeyId, Date.now());
      return (await deliverStripeWebhook(`${stack.baseUrl}/webhooks/stripe`, d.event, WEBHOOK_SECRET)).status;
    });
    const postSeconds = (Date.now() - postStart) / 1000;

    const ids = journeys.map((j) => j.journeyId);
    await eventually(() => stack.db.journey.count({ where: { id: { in: ids }, status: 'COMPLETED' } }), (n) => n === JOURNEYS, 120_000);

    const unique = new Set(deliveries.map((d) => d.event.id)).size;
    const stored = await stack.db.externalEvent.count({ where: { source: 'stripe' } });
    const applied = await stack.db.externalEvent.count({ where: { source: 'stripe', appliedAt: { not: null } } });
    const received = await stack.db.journeyEvent.findMany({ where: { journeyId: { in: ids }, type: 'payment_received' } });
    const perJourney = new Map<string, number>();
    for (const e of received) perJourney.set(e.journeyId, (perJourney.get(e.journeyId) ?? 0) + 1);
    const twice = [...perJourney.values()].filter((n) => n > 1).length;
    const latencies = received.map((e) => e.at.getTime() - firstPaymentSent.get(e.journeyId)!);

    console.log(`\nStripe webhooks: ${deliveries.length} deliveries (${deliveries.length - unique} duplicates), ${CONCURRENCY} at a time`);
    console.log(`  answered 2xx       ${statuses.filter((s) => s >= 200 && s < 300).length} / ${deliveries.length}`);
    console.log(`  stored / applied   ${stored} / ${applied} of ${unique} distinct events   lost: ${unique - applied}`);
    console.log(`  payments recorded  ${perJourney.size} of ${JOURNEYS} journeys   applied twice: ${twice}`);
    console.log(`  throughput         ${(deliveries.length / postSeconds).toFixed(0)} deliveries/s`);
    console.log(
      `  delivery → journey recorded the payment: p50=${percentile(latencies, 50).toFixed(0)} ms  p95=${percentile(latencies, 95).toFixed(0)} ms`,
    );
    recordResults('webhooks', {
      deliveries: deliveries.length,
      lost: unique - applied,
      appliedTwice: twice,
      deliveriesPerSecond: deliveries.length / postSeconds,
      recordedP50Ms: percentile(latencies, 50),
      recordedP95Ms: percentile(latencies, 95),
    });
    if (unique !== applied || twice || perJourney.size !== JOURNEYS) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
