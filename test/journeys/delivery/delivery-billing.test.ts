// Seed 000 journeys 2 and 3 through the HTTP API alone, on the time-skipping server: a project of
// three milestones from kickoff to closure (one revision round, one approved change request, time
// entries, weekly status, an invoice paid in two parts). The expected figures are worked out by
// hand below, not with the code under test.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { threeMilestoneDraft as draft } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';
import { projectReader } from '../../support/projects';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
let read: ReturnType<typeof projectReader>;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
  drive = journeyDriver(h);
  read = projectReader(h);
});
afterAll(() => h?.stop());

const enc = encodeURIComponent;
const customer = (method: string, path: string, body?: unknown) => request(h.baseUrl, method, path, body);

// The quote (threeMilestoneDraft): 3,333.33, 7 × 1,000.01 = 7,000.07 and 1,666.67, 12,000.07 in
// all, and a 30% deposit of 3,600.02 (rounded half up from 3,600.021). A UK customer: VAT at 20%.
// The deposit credited in proportion: exact shares 99,999.87 / 210,002.04 / 50,000.09, floored to
// 99,999 / 210,002 / 50,000 with one unit left, which goes to the largest remainder (the first).
const DEPOSIT_SHARES = [100_000, 210_002, 50_000];


it('delivers three milestones with a revision and a change request, bills them and closes when paid', async () => {
  const { deliveryId, projectId, customerId } = await drive.projectInProgress({ country: 'gb' }, draft);
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: customerId } })).country).toBe('GB');
  const [m1, m2, m3] = await read.milestonesOf(projectId);
  expect([m1, m2, m3].map((m) => [m!.title, m!.amountMinor])).toEqual([
    ['Design', 333_333],
    ['Build (days)', 700_007],
    ['Launch', 166_667],
  ]);
  expect(await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ status: 'ACTIVE', team: [{ name: 'Margaret Peacock' }, { name: 'Robert King' }] });

  // Milestone 1: the customer asks for a revision, then accepts the second round.
  await drive.deliverMilestone(deliveryId, 1, 1, 'request-changes', 'The logo is too small');
  const revision = await eventually(() => h.db.task.findFirst({ where: { journeyId: deliveryId, type: 'submit-milestone', status: 'OPEN' } }), Boolean);
  expect(revision!.input).toMatchObject({ round: 2, feedback: 'The logo is too small' });
  await drive.deliverMilestone(deliveryId, 1, 2);
  const reviews = await eventually(
    () => h.db.milestoneReview.findMany({ where: { milestoneId: m1!.id }, orderBy: { round: 'asc' } }),
    (r) => r[1]?.decision != null,
  );
  expect(reviews.map((r) => [r.round, r.decision, r.comments])).toEqual([
    [1, 'revisions', 'The logo is too small'],
    [2, 'accepted', null],
  ]);

  // Its invoice: 3,333.33 + VAT 666.67 (666.666 rounded) − deposit share 1,000.00 = 3,000.00.
  const inv1 = await read.invoiceOf(m1!.id);
  expect(inv1.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
    ['milestone', 333_333],
    ['deposit-credit', -DEPOSIT_SHARES[0]!],
  ]);
  expect(inv1).toMatchObject({ subtotalMinor: 333_333, taxRateBps: 2000, taxMinor: 66_667, totalMinor: 300_000, currency: 'GBP', status: 'OPEN' });

  // Paid in two parts through its link: 1,200.00 now, the rest later; more than is due is refused.
  const pay1 = await read.payLinkOf(inv1.journeyId);
  expect((await customer('POST', pay1, { amountMinor: 300_001, nonce: 'too-much-1' })).status).toBe(400);
  expect(await customer('POST', pay1, { amountMinor: 120_000, nonce: 'first-part' })).toMatchObject({ status: 201, body: { amountMinor: 120_000 } });
  expect(await customer('POST', pay1, { amountMinor: 120_000, nonce: 'first-part' })).toMatchObject({ status: 200, body: { repeated: true } });
  await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: inv1.id } }), (i) => i.status === 'PARTIALLY_PAID' && i.paidMinor === 120_000);
  expect((await customer('GET', pay1)).body).toMatchObject({ balanceMinor: 180_000 });
  expect(await customer('POST', pay1, { nonce: 'second-part' })).toMatchObject({ status: 201, body: { amountMinor: 180_000 } });
  await expect(h.env.client.workflow.getHandle(inv1.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED' });
  expect(await h.db.invoice.findUniqueOrThrow({ where: { id: inv1.id } })).toMatchObject({ status: 'PAID', paidMinor: 300_000 });
  expect((await read.emailKeys(inv1.journeyId)).filter((k) => k.startsWith('invoice:receipt:'))).toHaveLength(2);
  expect((await customer('POST', pay1, { nonce: 'third-part' })).status).toBe(409);

  // Milestone 2: a change request (finance, then the customer), and time on it.
  const cr = await h.as('pm')('POST', `/api/journeys/${enc(deliveryId)}/change-requests`, {
    title: 'Gift cards',
    description: 'Sell and redeem gift cards at checkout.',
    costMinor: 150_000,
    days: 5,
  });
  expect(cr).toMatchObject({ status: 201, body: { number: 1, status: 'PENDING_FINANCE' } });
  expect((await h.as('sales')('POST', `/api/journeys/${enc(deliveryId)}/change-requests`, { title: 'x', description: 'y', costMinor: 1, days: 0 })).status).toBe(403);
  const badCr = await h.as('pm')('POST', `/api/journeys/${enc(deliveryId)}/change-requests`, { title: 'x', description: 'y', costMinor: 1.5, days: -1 });
  expect(badCr.status).toBe(400);
  expect(badCr.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['costMinor', 'days']);
  await drive.complete('finance', deliveryId, 'review-change-request', { decision: 'approve', notes: 'Margin holds.' });
  await drive.answer(deliveryId, 'change-request:1', 'accept');
  const approved = await eventually(() => h.db.changeRequest.findFirstOrThrow({ where: { projectId } }), (c) => c.status === 'APPROVED');
  expect(approved).toMatchObject({ quoteVersion: 2, milestoneId: m2!.id, financeNotes: 'Margin holds.' });
  expect((await read.milestonesOf(projectId))[1]!.dueAt.getTime() - m2!.dueAt.getTime()).toBe(5 * 86_400_000);
  const v2 = await h.db.quote.findFirstOrThrow({ where: { version: 2, journeyId: (await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).journeyId } });
  expect(v2).toMatchObject({ status: 'APPROVED', totalMinor: 1_200_007 + 150_000 });

  const time = (hours: number, rateMinor: number, key: string) =>
    request(h.baseUrl, 'POST', '/api/time-entries', { milestoneId: m2!.id, date: '2026-12-01', hours, rateMinor, description: 'Payment gateway' }, h.users.pm.token, { 'Idempotency-Key': key });
  expect((await time(2.5, 12_000, 'te-1')).status).toBe(201);
  expect((await time(2.5, 12_000, 'te-1')).status).toBe(200); // the same entry, sent again
  expect((await time(1.25, 9_999, 'te-2')).status).toBe(201);
  expect((await time(1.1, 9_999, 'te-3')).body.error.fields).toEqual([{ field: 'hours', message: 'In quarter hours' }]);

  // A week passes: the customer gets a status update.
  await h.env.sleep('8 days');
  await eventually(() => read.emailKeys(deliveryId), (keys) => keys.includes('status:week:1'));

  await drive.deliverMilestone(deliveryId, 2);
  // 7,000.07 + change order 1,500.00 + time 2.5 h × 120.00 = 300.00 and 1.25 h × 99.99 = 124.9875
  // → 124.99: subtotal 8,925.06; VAT 20% = 1,785.012 → 1,785.01; less 2,100.02 = 8,610.05.
  const inv2 = await read.invoiceOf(m2!.id);
  expect(inv2.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
    ['milestone', 700_007],
    ['change-order', 150_000],
    ['time', 30_000],
    ['time', 12_499],
    ['deposit-credit', -DEPOSIT_SHARES[1]!],
  ]);
  expect(inv2).toMatchObject({ subtotalMinor: 892_506, taxMinor: 178_501, totalMinor: 861_005 });
  expect(await h.db.timeEntry.count({ where: { milestoneId: m2!.id, invoiceId: inv2.id } })).toBe(2);

  await drive.deliverMilestone(deliveryId, 3);
  // 1,666.67 + VAT 333.334 → 333.33, less 500.00 = 1,500.00.
  const inv3 = await read.invoiceOf(m3!.id);
  expect(inv3).toMatchObject({ subtotalMinor: 166_667, taxMinor: 33_333, totalMinor: 150_000 });
  // Every invoice's deposit credit adds back up to the deposit paid.
  const deposit = await h.db.invoice.findFirstOrThrow({ where: { kind: 'deposit', customerId } });
  expect(deposit.paidMinor).toBe(360_002);
  expect(DEPOSIT_SHARES.reduce((a, b) => a + b)).toBe(360_002);

  // Final acceptance, then the project closes once the last invoices are paid.
  await drive.answer(deliveryId, 'sign-off:1', 'accept');
  await eventually(() => h.db.project.findUniqueOrThrow({ where: { id: projectId } }), (p) => p.status === 'SIGNED_OFF' && p.handedOverAt !== null);
  expect((await h.as('pm')('POST', `/api/journeys/${enc(deliveryId)}/change-requests`, { title: 'Late', description: 'Too late', costMinor: 1, days: 0 })).status).toBe(409);
  expect(await customer('POST', await read.payLinkOf(inv2.journeyId), { nonce: 'inv2-full' })).toMatchObject({ status: 201, body: { amountMinor: 861_005 } });
  expect(await customer('POST', await read.payLinkOf(inv3.journeyId), { nonce: 'inv3-full' })).toMatchObject({ status: 201, body: { amountMinor: 150_000 } });
  await expect(h.env.client.workflow.getHandle(deliveryId).result()).resolves.toEqual({
    status: 'COMPLETED',
    stage: 'billing',
    reason: 'Signed off and paid in full; handed to customer success',
  });
  expect(await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ status: 'COMPLETED', closedAt: expect.any(Date) });

  const detail = await h.as('manager')('GET', `/api/journeys/${enc(deliveryId)}`);
  expect(detail.body).toMatchObject({ kind: 'delivery', status: 'COMPLETED', project: { id: projectId, status: 'COMPLETED' } });
  expect(detail.body.project.milestones.map((m: { status: string }) => m.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
  expect(detail.body.project.invoices.map((i: { status: string }) => i.status)).toEqual(['PAID', 'PAID', 'PAID']);
  expect(detail.body.project.changeRequests).toHaveLength(1);
  const types = detail.body.history.map((e: { type: string }) => e.type);
  for (const t of ['project_kickoff', 'milestone_revisions_requested', 'change_request_approved', 'project_signed_off', 'handed_to_customer_success', 'project_closed']) {
    expect(types).toContain(t);
  }
});
