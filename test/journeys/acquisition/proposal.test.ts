// Seed 000 phases 3-4 through the HTTP API alone: quote preparation and internal reviews by sales,
// the PM and finance, then the customer's answer through their signed link (a customer decision
// of form quote-answer).
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { createLinkToken } from '../../../platform/customer-links';
import { approveReview, quoteDraft } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness();
  drive = journeyDriver(h);
});
afterAll(() => h?.stop());

const customer = (method: string, path: string, body?: unknown) => request(h.baseUrl, method, path, body);
const quotes = (journeyId: string) => h.db.quote.findMany({ where: { journeyId }, orderBy: { version: 'asc' }, include: { lineItems: true } });

it('reviews, revises and sends quotes, and the approved version wins the customer', async () => {
  const { journeyId, customerId } = await drive.qualifiedLead();
  const { complete } = drive;

  // v1: the PM sends it back; v2: both approve and it goes to the customer.
  await complete('sales', journeyId, 'prepare-quote', quoteDraft);
  await complete('pm', journeyId, 'review-estimates', { decision: 'revise', notes: 'Development is 12 days, not 10.', estimatedHours: 96 });
  const v2Task = await complete('sales', journeyId, 'prepare-quote', {
    ...quoteDraft,
    lineItems: [quoteDraft.lineItems[0], { ...quoteDraft.lineItems[1], quantity: 12 }],
  });
  expect(v2Task.input).toMatchObject({ version: 2, feedback: 'PM: Development is 12 days, not 10.' });
  await complete('pm', journeyId, 'review-estimates', approveReview);
  await complete('finance', journeyId, 'review-pricing', approveReview);

  const v2Link = await drive.quoteLink(journeyId, 2);
  expect(v2Link).toMatch(/^\/customer\/decisions\//);
  const v2 = await customer('GET', v2Link);
  // 4,500.00 + 12 × 800.00 = 14,100.00
  expect(v2).toMatchObject({
    status: 200,
    body: {
      subject: 'quote:v2',
      form: 'quote-answer',
      status: 'OPEN',
      details: { lineItems: ['Design: 1 × $4,500.00 = $4,500.00', 'Development (days): 12 × $800.00 = $9,600.00'], total: '$14,100.00', deposit: '30% due on signature: $4,230.00' },
    },
  });
  expect(v2.body.schema.properties.decision.enum).toEqual(['approve', 'request-changes', 'decline']);
  const sent = (await quotes(journeyId))[1]!;
  expect(sent).toMatchObject({ status: 'SENT', totalMinor: 1_410_000 });
  expect(v2.body.details.validUntil).toBe(sent.validUntil!.toISOString().slice(0, 10));
  expect(Date.parse(v2.body.expiresAt) - sent.validUntil!.getTime()).toBeLessThan(60_000); // the link lasts as long as the quote
  const email = await h.db.email.findUniqueOrThrow({ where: { key: `${journeyId}:decision:quote:v2` } });
  expect(email.subject).toBe('Your proposal (version 2): $14,100.00'); // the quote's own template
  const html = await (await fetch(h.baseUrl + v2Link)).text(); // what the customer's browser gets
  expect(html).toContain('$14,100.00');
  expect(html).toContain('Development (days)');
  expect(html).toContain('<button class="yes" name="decision" value="approve">Approve</button><button class="other" name="decision" value="request-changes">Request changes</button><button class="no" name="decision" value="decline">Decline</button>');

  // Asking for changes needs a reason; with one, a v3 goes through review again.
  const noReason = await customer('POST', v2Link, { decision: 'request-changes' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.fields).toEqual([{ field: 'comments', message: 'Tell us what to change, or why not' }]);
  const changes = await customer('POST', v2Link, { decision: 'request-changes', comments: 'Can design be 3,500?' });
  expect(changes).toMatchObject({ status: 200, body: { subject: 'quote:v2', answer: { decision: 'request-changes', comments: 'Can design be 3,500?' } } });
  const again = await customer('POST', v2Link, { decision: 'approve' });
  expect(again.status).toBe(409);

  const v3Task = await complete('sales', journeyId, 'prepare-quote', {
    ...quoteDraft,
    lineItems: [{ ...quoteDraft.lineItems[0], unitPriceMinor: 350_000 }, { ...quoteDraft.lineItems[1], quantity: 12 }],
  });
  expect(v3Task.input).toMatchObject({ version: 3, feedback: 'Customer: Can design be 3,500?' });
  await complete('pm', journeyId, 'review-estimates', approveReview);
  await complete('finance', journeyId, 'review-pricing', approveReview);
  const v3Link = await drive.quoteLink(journeyId, 3);
  const tampered = v3Link.slice(0, -3) + (v3Link.endsWith('AAA') ? 'BBB' : 'AAA');
  expect((await customer('GET', tampered)).status).toBe(404);
  // The quote's old link and Update are for journeys that sent quotes before: this one refuses them.
  const oldLink = `/customer/quotes/${createLinkToken(h.config.auth.secret, { purpose: 'quote-review', journeyId, subject: '3', exp: Date.now() + 60_000 })}`;
  expect(await customer('POST', oldLink, { decision: 'approve' })).toMatchObject({ status: 409, body: { error: { message: 'This proposal no longer awaits an answer' } } });
  expect(await customer('POST', v3Link, { decision: 'approve' })).toMatchObject({ status: 200, body: { subject: 'quote:v3', answer: { decision: 'approve' } } });

  // The approved version goes on to the contract (workflows/acquisition/contract.ts; its own tests).
  const contract = await eventually(() => h.db.contract.findFirst({ where: { journeyId }, include: { quote: true } }), (c) => c !== null);
  expect(contract!.quote.version).toBe(3);
  expect((await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).status).toBe('RUNNING');
  const all = await quotes(journeyId);
  expect(all.map((q) => [q.version, q.status])).toEqual([
    [1, 'SUPERSEDED'],
    [2, 'CHANGES_REQUESTED'],
    [3, 'APPROVED'],
  ]);
  expect(all[2]).toMatchObject({ subtotalMinor: 350_000 + 12 * 80_000, totalMinor: 1_310_000, depositPercent: 30, currency: 'USD' });
  expect(all[2]!.lineItems.map((l) => l.totalMinor).sort((a, b) => a - b)).toEqual([350_000, 960_000]);
  expect(all[1]!.feedback).toBe('Can design be 3,500?');
  // An approved quote makes no client yet: the contract and the deposit are still to come.
  expect((await h.as('sales')('GET', `/api/customers/${customerId}`)).body).toMatchObject({ lifecycle: 'ACTIVE_LEAD', clientSince: null });
  const waits = await h.db.journeyWait.findMany({ where: { journeyId, kind: 'approval' }, orderBy: { since: 'asc' } });
  expect(waits.map((w) => [w.key, w.unblockedBy, w.outcome])).toEqual([
    ['quote:v2', 'customer', 'met'],
    ['quote:v3', 'customer', 'met'],
  ]);
  const decisions = await h.db.customerDecision.findMany({ where: { journeyId }, orderBy: { createdAt: 'asc' } });
  expect(decisions.map((d) => [d.subject, d.form, d.status, d.answer])).toEqual([
    ['quote:v2', 'quote-answer', 'CHANGES_REQUESTED', { decision: 'request-changes', comments: 'Can design be 3,500?' }],
    ['quote:v3', 'quote-answer', 'APPROVED', { decision: 'approve' }],
  ]);
});

it('ends the journey LOST with the reason when the customer declines', async () => {
  const { journeyId } = await drive.qualifiedLead();
  await drive.complete('sales', journeyId, 'prepare-quote', quoteDraft);
  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);
  const link = await drive.quoteLink(journeyId, 1);
  const declined = await customer('POST', link, { decision: 'decline', comments: 'We chose another agency' });
  expect(declined.status).toBe(200);
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({
    status: 'LOST',
    reason: 'Quote declined: We chose another agency',
  });
  const journey = await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: journeyId } }), (j) => j.status === 'LOST');
  expect(journey.endReason).toBe('Quote declined: We chose another agency');
  expect((await quotes(journeyId)).map((q) => q.status)).toEqual(['DECLINED']);
  expect((await h.db.customerDecision.findFirstOrThrow({ where: { journeyId } })).status).toBe('DECLINED');
  const page = await (await fetch(h.baseUrl + link)).text();
  expect(page).toContain('This has already been answered (declined).');
  expect(page).toContain('We chose another agency');
});
