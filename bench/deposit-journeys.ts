// Journeys taken through the API to the point where they wait on their deposit payment (lead,
// tasks, quote, signature), on a bench stack with a worker and the Stripe stand-in: what the
// webhook benchmarks deliver payments to.
import { devUserEmail, ensureDevUsers } from '../api/auth/dev-users';
import { ROLES, type Role } from '../api/auth/roles';
import { DEV_USER_PASSWORD } from '../platform/config';
import { eventually, request } from '../test/support/http';
import { journeyDriver } from '../test/support/journey-driver';
import { startStripeStandIn } from '../test/support/stand-ins/stripe';
import { pool, startBenchStack } from './support';

export const WEBHOOK_SECRET = 'whsec_bench';
/** Journeys driven to their deposit at once: more overloads a two-core machine's setup, whose waits time out at 20 s. */
const SETUP_CONCURRENCY = 10;

export async function startDepositBench(count: number) {
  const stripe = await startStripeStandIn();
  const stack = await startBenchStack({
    worker: true,
    env: { STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url },
  });
  const stop = async () => {
    await stack.stop();
    await stripe.stop();
  };
  try {
    await ensureDevUsers(stack.db);
    const tokens = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => {
          const res = await request(stack.baseUrl, 'POST', '/api/auth/login', { email: devUserEmail(role), password: DEV_USER_PASSWORD });
          return [role, res.body.token as string];
        }),
      ),
    ) as Record<Role, string>;
    const as = (role: Role | 'anonymous') => (method: string, path: string, body?: unknown) =>
      request(stack.baseUrl, method, path, body, role === 'anonymous' ? undefined : tokens[role]);
    const drive = journeyDriver({ as, db: stack.db, baseUrl: stack.baseUrl });

    console.log(`Taking ${count} journeys to their deposit (lead, tasks, quote, signature)…`);
    const started = Date.now();
    const journeys = await pool(Array.from({ length: count }), SETUP_CONCURRENCY, async () => {
      const { journeyId } = await drive.approvedQuote();
      await request(stack.baseUrl, 'POST', await drive.emailedLink(journeyId, 'contract:'), { decision: 'sign' });
      const payment = (await eventually(() => stack.db.payment.findFirst({ where: { journeyId } }), Boolean, 60_000))!;
      return { journeyId, intentId: payment.providerPaymentId! };
    });
    console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { stack, stripe, journeys, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
