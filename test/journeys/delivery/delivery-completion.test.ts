// Delivery on the real dev server: a project billed at completion gets one final invoice after
// sign-off (every milestone, the whole deposit credited), and a delivery cancelled by a manager
// withdraws what it asked the customer and cancels its open work.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { quoteDraft } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';
import { projectReader } from '../../support/projects';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
let read: ReturnType<typeof projectReader>;
beforeAll(async () => {
  h = await startHarness();
  drive = journeyDriver(h);
  read = projectReader(h);
});
afterAll(() => h?.stop());

it('bills a project once at completion, crediting the whole deposit', async () => {
  const { deliveryId, projectId } = await drive.projectInProgress({}, { ...quoteDraft, billing: 'COMPLETION' });
  await drive.deliverMilestone(deliveryId, 1);
  await drive.deliverMilestone(deliveryId, 2);
  await drive.answer(deliveryId, 'sign-off:1', 'accept');
  const invoice = await eventually(() => h.db.invoice.findFirst({ where: { projectId }, include: { lines: { orderBy: { position: 'asc' } } } }), Boolean);
  // 4,500.00 + 8,000.00, less the 30% deposit of 3,750.00 = 8,750.00; no tax without a location.
  expect(invoice).toMatchObject({ kind: 'final', milestoneId: null, subtotalMinor: 1_250_000, taxMinor: 0, totalMinor: 875_000 });
  expect(invoice!.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
    ['milestone', 450_000],
    ['milestone', 800_000],
    ['deposit-credit', -375_000],
  ]);
  expect(await h.db.invoice.count({ where: { projectId } })).toBe(1);
  expect((await request(h.baseUrl, 'POST', await read.payLinkOf(invoice!.journeyId), { nonce: 'final-invoice' })).status).toBe(201);
  await expect(h.env.client.workflow.getHandle(deliveryId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect(await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ status: 'COMPLETED' });
});

it('withdraws the open question to the customer and cancels open work when a manager cancels the delivery', async () => {
  const { deliveryId } = await drive.projectInProgress();
  await drive.complete('pm', deliveryId, 'submit-milestone', { summary: 'First designs', deliverables: 'https://files.example/designs' });
  const link = await drive.emailedLink(deliveryId, 'decision:milestone:1:round:1');
  expect((await request(h.baseUrl, 'GET', link)).body).toMatchObject({ status: 'OPEN', details: { summary: 'First designs' } });
  const cancelled = await h.as('manager')('POST', `/api/journeys/${encodeURIComponent(deliveryId)}/cancel`, { reason: 'Customer went bankrupt' });
  expect(cancelled).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
  const decision = await eventually(() => h.db.customerDecision.findFirstOrThrow({ where: { journeyId: deliveryId, subject: 'milestone:1:round:1' } }), (d) => d.status !== 'OPEN');
  expect(decision.status).toBe('WITHDRAWN');
  expect(await request(h.baseUrl, 'POST', link, { decision: 'accept' })).toMatchObject({ status: 409, body: { error: { message: 'This no longer awaits an answer' } } });
  expect(await h.db.journeyWait.count({ where: { journeyId: deliveryId, endedAt: null } })).toBe(0);
});
