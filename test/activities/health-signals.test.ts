// The health score's ticket signals as assessHealth reads them from PostgreSQL: every ticket of
// the window counts, open ones (no close reason yet) included, and only spam is left out. (A
// `NOT closeReason = 'spam'` filter had dropped the open ones: SQL's NOT of a null is null.)
import { randomUUID } from 'node:crypto';
import { createRetentionActivities } from '../../activities/retention/accounts';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(() => h?.stop());

const DAY = 24 * 60 * 60 * 1000;

it('counts the open tickets and their breaches, and leaves spam out', async () => {
  const customerId = randomUUID();
  await h.db.customer.create({ data: { id: customerId, companyName: 'Signal Ltd', contactName: 'Sig Nal', email: `${customerId}@signal.test`, clientSince: new Date(Date.now() - 200 * DAY) } });
  const journeyId = `journey:${customerId}:retention:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'retention', customerId, stage: 'first-year' } });
  await h.db.clientAccount.create({ data: { customerId, journeyId } });
  let n = 0;
  const ticket = async (data: { closeReason?: string; breaches?: number }) => {
    const id = `journey:${customerId}:support:${++n}`;
    await h.db.journey.create({ data: { id, kind: 'support', customerId, stage: data.closeReason ? 'closed' : 'open' } });
    await h.db.supportTicket.create({
      data: { journeyId: id, customerId, subject: 'Help', description: 'Please', category: 'question', priority: 'normal', queue: 'support', raisedBy: 'customer', channel: 'help-page', createdAt: new Date(Date.now() - 10 * DAY), closeReason: data.closeReason, closedAt: data.closeReason ? new Date() : undefined, breaches: data.breaches ?? 0 },
    });
  };
  // Three open (one breached twice), one closed as confirmed (breached once), one closed as spam (breached, left out).
  await ticket({ breaches: 2 });
  await ticket({});
  await ticket({});
  await ticket({ closeReason: 'confirmed', breaches: 1 });
  await ticket({ closeReason: 'spam', breaches: 3 });

  const { health } = await createRetentionActivities({ db: h.db, config: h.config }).assessHealth({ journeyId, customerId, key: 'signals', at: new Date().toISOString() });
  const input = (name: string) => health.contributions.find((c) => c.input === name);
  // Four tickets: 2 points for each beyond the first 2 = 4; three breaches at 5 each = 15 (the cap).
  expect(input('tickets')).toMatchObject({ value: 4, penalty: 4 });
  expect(input('breaches')).toMatchObject({ value: 3, penalty: 15 });
});
