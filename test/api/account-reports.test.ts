// The quarterly and annual review's report (activities/retention/report.ts): a client's figures
// over two quarters from rows written by hand (projects, milestones, tickets with SLAs met and
// breached and their ratings, NPS answers, invoices in two currencies and their payments), checked
// against figures worked out by hand below; the report prepared once however often it is asked,
// read as JSON and as a PDF by customer success and managers only, and sent once, with a link
// the customer opens the PDF with. On the real stack: PostgreSQL, the API, Temporal with a worker.
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { customerIdFor } from '../../api/acquisition/submit-lead';
import { createActivities } from '../../activities/registry';
import { reportFigures, type ReportActivities, type ReportFigures } from '../../activities/retention/report';
import { createLinkToken } from '../../platform/customer-links';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(() => h?.stop());

const at = (iso: string) => new Date(iso);
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;

// The quarter under review: 1 April to 1 July 2026 (91 days). The previous period of the same
// length: 91 days back from 1 April, 31 December 2025 (January 31 + February 28 + March 31 = 90,
// and one more day).
const QUARTER = { start: at('2026-04-01T00:00:00.000Z'), end: at('2026-07-01T00:00:00.000Z') };
const PREVIOUS = { start: at('2025-12-31T00:00:00.000Z'), end: QUARTER.start };

/**
 * A client (an account with its retention journey) with hand-made records, and the same kinds of
 * record for another customer in the same quarter, which must count for nobody else.
 */
async function client(): Promise<{ customerId: string; journeyId: string; email: string }> {
  const email = `${unique('client')}@reports.test`;
  const customer = await h.db.customer.create({
    data: { id: customerIdFor(email), companyName: 'Reporting Ltd', contactName: 'Rhea Porter', email, clientSince: at('2025-06-01T00:00:00Z') },
  });
  const customerId = customer.id;
  const journeyId = `journey:${customerId}:retention:1`;
  const journey = (id: string, kind: string) => h.db.journey.create({ data: { id, kind, customerId, stage: 'done' } });
  await journey(journeyId, 'retention');
  await h.db.clientAccount.create({ data: { customerId, journeyId } });

  // Projects, each won by an acquisition of its own.
  const project = async (n: number, data: { status: 'PLANNING' | 'ACTIVE' | 'SIGNED_OFF' | 'COMPLETED' | 'CANCELLED'; kickoffAt?: string; signedOffAt?: string }) => {
    const acquisition = `journey:${customerId}:acquisition:${n}`;
    await journey(acquisition, 'acquisition');
    const quote = await h.db.quote.create({ data: { journeyId: acquisition, customerId, version: 1, status: 'APPROVED', currency: 'EUR', subtotalMinor: 1000, totalMinor: 1000 } });
    return h.db.project.create({
      data: { journeyId: acquisition, customerId, quoteId: quote.id, name: `Project ${n}`, status: data.status, kickoffAt: data.kickoffAt && at(data.kickoffAt), signedOffAt: data.signedOffAt && at(data.signedOffAt) },
    });
  };
  const p1 = await project(1, { status: 'SIGNED_OFF', kickoffAt: '2026-01-10T09:00:00Z', signedOffAt: '2026-05-20T12:00:00Z' });
  const p2 = await project(2, { status: 'ACTIVE', kickoffAt: '2026-04-15T09:00:00Z' });
  await project(3, { status: 'COMPLETED', kickoffAt: '2025-06-01T09:00:00Z', signedOffAt: '2026-02-10T12:00:00Z' });
  await project(4, { status: 'PLANNING' });
  await project(5, { status: 'CANCELLED', kickoffAt: '2026-02-01T09:00:00Z' });
  await project(6, { status: 'COMPLETED', kickoffAt: '2025-11-01T09:00:00Z', signedOffAt: '2025-12-15T12:00:00Z' });
  await project(7, { status: 'SIGNED_OFF', kickoffAt: '2026-03-01T09:00:00Z', signedOffAt: '2026-03-30T12:00:00Z' });

  const milestone = (projectId: string, position: number, acceptedAt: string | null) =>
    h.db.milestone.create({
      data: { projectId, position, title: `Milestone ${position}`, amountMinor: 100, dueAt: at('2026-06-01T00:00:00Z'), status: acceptedAt ? 'ACCEPTED' : 'IN_PROGRESS', acceptedAt: acceptedAt && at(acceptedAt) },
    });
  await milestone(p1.id, 1, '2026-02-15T10:00:00Z');
  await milestone(p1.id, 2, '2026-04-10T10:00:00Z');
  await milestone(p1.id, 3, '2026-05-20T10:00:00Z');
  await milestone(p2.id, 1, '2026-06-30T23:59:59Z');
  await milestone(p2.id, 2, '2026-07-01T00:00:00Z');
  await milestone(p2.id, 3, null);

  // Tickets, each its own support journey.
  let tickets = 0;
  const ticket = async (of: string, data: { createdAt: string; closedAt?: string; closeReason?: string; breaches?: number; satisfaction?: number }) => {
    const id = `journey:${of}:support:${++tickets}`;
    await h.db.journey.create({ data: { id, kind: 'support', customerId: of, stage: data.closedAt ? 'closed' : 'open' } });
    await h.db.supportTicket.create({
      data: {
        journeyId: id,
        customerId: of,
        subject: 'Help',
        description: 'Please help',
        category: 'question',
        priority: 'normal',
        queue: 'support',
        raisedBy: 'customer',
        channel: 'help-page',
        createdAt: at(data.createdAt),
        closedAt: data.closedAt && at(data.closedAt),
        closeReason: data.closeReason,
        status: data.closedAt ? 'closed' : 'open',
        breaches: data.breaches ?? 0,
        satisfaction: data.satisfaction,
      },
    });
  };
  await ticket(customerId, { createdAt: '2026-04-05T10:00:00Z', closedAt: '2026-04-07T10:00:00Z', closeReason: 'confirmed', satisfaction: 5 }); // T1
  await ticket(customerId, { createdAt: '2026-04-20T10:00:00Z', closedAt: '2026-05-02T10:00:00Z', closeReason: 'no-answer', breaches: 2, satisfaction: 2 }); // T2
  await ticket(customerId, { createdAt: '2026-05-10T10:00:00Z', closedAt: '2026-05-11T10:00:00Z', closeReason: 'confirmed' }); // T3
  await ticket(customerId, { createdAt: '2026-06-01T10:00:00Z', closedAt: '2026-06-01T11:00:00Z', closeReason: 'spam' }); // T4
  await ticket(customerId, { createdAt: '2026-06-10T10:00:00Z', closedAt: '2026-06-12T10:00:00Z', closeReason: 'duplicate' }); // T5
  await ticket(customerId, { createdAt: '2026-06-20T10:00:00Z' }); // T6, open
  await ticket(customerId, { createdAt: '2026-03-25T10:00:00Z', closedAt: '2026-04-03T10:00:00Z', closeReason: 'confirmed', breaches: 1, satisfaction: 4 }); // T7
  await ticket(customerId, { createdAt: '2026-01-10T10:00:00Z', closedAt: '2026-01-12T10:00:00Z', closeReason: 'confirmed', satisfaction: 3 }); // T8

  // NPS answers on the reviews (and a review held without one).
  const checkIn = (dueAt: string, nps: number | null) => h.db.checkIn.create({ data: { customerId, journeyId, kind: 'quarterly-review', dueAt: at(dueAt), status: 'HELD', nps } });
  await checkIn('2026-01-05T00:00:00Z', 6);
  await checkIn('2026-05-01T00:00:00Z', 7);
  await checkIn('2026-06-15T00:00:00Z', 9);
  await checkIn('2026-06-20T00:00:00Z', null);

  // Invoices on one billing journey, with their payments.
  const billing = `journey:${customerId}:billing:1`;
  await journey(billing, 'billing');
  const invoice = async (
    currency: string,
    data: { status: 'DRAFT' | 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'VOID'; issuedAt?: string; dueAt?: string; totalMinor: number },
    payments: Array<{ amountMinor: number; paidAt?: string; status: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED' }> = [],
  ) => {
    const row = await h.db.invoice.create({
      data: {
        number: unique('INV'),
        journeyId: billing,
        customerId,
        status: data.status,
        currency,
        subtotalMinor: data.totalMinor,
        totalMinor: data.totalMinor,
        issuedAt: data.issuedAt && at(data.issuedAt),
        dueAt: data.dueAt && at(data.dueAt),
      },
    });
    for (const p of payments) {
      await h.db.payment.create({ data: { journeyId: billing, invoiceId: row.id, provider: 'local', amountMinor: p.amountMinor, currency, status: p.status, paidAt: p.paidAt && at(p.paidAt) } });
    }
  };
  await invoice('EUR', { status: 'PAID', issuedAt: '2026-01-15T00:00:00Z', dueAt: '2026-02-14T00:00:00Z', totalMinor: 100_000 }, [{ amountMinor: 100_000, paidAt: '2026-02-01T00:00:00Z', status: 'SUCCEEDED' }]); // I1
  await invoice('EUR', { status: 'PAID', issuedAt: '2026-03-20T00:00:00Z', dueAt: '2026-04-19T00:00:00Z', totalMinor: 50_000 }, [
    { amountMinor: 20_000, paidAt: '2026-03-25T00:00:00Z', status: 'SUCCEEDED' },
    { amountMinor: 30_000, paidAt: '2026-05-05T00:00:00Z', status: 'SUCCEEDED' },
  ]); // I2
  await invoice('EUR', { status: 'PARTIALLY_PAID', issuedAt: '2026-05-10T00:00:00Z', dueAt: '2026-06-09T00:00:00Z', totalMinor: 80_000 }, [
    { amountMinor: 25_000, paidAt: '2026-06-01T00:00:00Z', status: 'SUCCEEDED' },
    { amountMinor: 10_000, status: 'PENDING' },
    { amountMinor: 5_000, paidAt: '2026-06-02T00:00:00Z', status: 'FAILED' },
  ]); // I3
  await invoice('EUR', { status: 'DRAFT', totalMinor: 999_999 }); // I4
  await invoice('EUR', { status: 'VOID', issuedAt: '2026-04-10T00:00:00Z', dueAt: '2026-05-10T00:00:00Z', totalMinor: 70_000 }); // I5
  await invoice('EUR', { status: 'PAID', issuedAt: '2026-06-25T00:00:00Z', dueAt: '2026-07-25T00:00:00Z', totalMinor: 12_345 }, [{ amountMinor: 12_345, paidAt: '2026-07-02T00:00:00Z', status: 'SUCCEEDED' }]); // I6
  await invoice('USD', { status: 'PARTIALLY_PAID', issuedAt: '2025-12-01T00:00:00Z', dueAt: '2026-01-15T00:00:00Z', totalMinor: 40_000 }, [{ amountMinor: 10_000, paidAt: '2026-02-10T00:00:00Z', status: 'REFUNDED' }]); // I7
  await invoice('USD', { status: 'PAID', issuedAt: '2026-04-02T00:00:00Z', dueAt: '2026-05-02T00:00:00Z', totalMinor: 60_000 }, [{ amountMinor: 70_000, paidAt: '2026-04-20T00:00:00Z', status: 'SUCCEEDED' }]); // I8
  await invoice('JPY', { status: 'PAID', issuedAt: '2025-06-01T00:00:00Z', dueAt: '2025-07-01T00:00:00Z', totalMinor: 5_000 }, [{ amountMinor: 5_000, paidAt: '2025-06-10T00:00:00Z', status: 'SUCCEEDED' }]); // I9

  // Someone else's ticket, project and invoice in the same quarter: none of this customer's figures.
  const otherEmail = `${unique('other')}@reports.test`;
  const other = await h.db.customer.create({ data: { id: customerIdFor(otherEmail), companyName: 'Other Co', contactName: 'Otto', email: otherEmail } });
  await ticket(other.id, { createdAt: '2026-05-01T10:00:00Z', closedAt: '2026-05-02T10:00:00Z', closeReason: 'confirmed', satisfaction: 1 });
  const otherBilling = `journey:${other.id}:billing:1`;
  await h.db.journey.create({ data: { id: otherBilling, kind: 'billing', customerId: other.id, stage: 'open' } });
  await h.db.invoice.create({ data: { number: unique('INV'), journeyId: otherBilling, customerId: other.id, status: 'OPEN', currency: 'EUR', subtotalMinor: 1, totalMinor: 1, issuedAt: at('2026-05-01T00:00:00Z'), dueAt: at('2026-05-02T00:00:00Z') } });

  return { customerId, journeyId, email };
}

/*
 * The quarter, 2026-04-01 to 2026-07-01, worked out by hand:
 * - Projects active: P1 (kicked off in January, signed off 20 May) and P2 (kicked off 15 April) = 2.
 *   P3 and P7 were signed off before 1 April, P6 in December; P4 never kicked off; P5 is cancelled.
 *   Completed: P1 = 1. Milestones accepted: P1's of 10 April and 20 May, P2's of 30 June 23:59:59 = 3
 *   (P2's of 1 July 00:00 is the next quarter's: the end is exclusive).
 * - Tickets opened: T1, T2, T3, T5 (a duplicate is still the customer's request), T6 (open) = 5; T4 is
 *   spam, T7 was raised in March. Resolved (closed, spam and duplicates left out): T1, T2, T3 and T7
 *   (raised in March, closed 3 April) = 4; within SLA (no breach): T1, T3 = 2; attainment 2/4 = 0.5.
 *   CSAT: the ratings of the tickets closed in the quarter: T1 5, T2 2, T7 4 → 11/3 = 3.666… → 3.67, 3 ratings.
 * - NPS: the latest answer on a review due in the quarter: 9 (15 June; 20 June's review has none).
 * - EUR: invoiced I3 80,000 + I6 12,345 = 92,345 (I4 a draft, I5 void); paid I2's 30,000 (5 May) +
 *   I3's 25,000 (1 June) = 55,000 (I3's pending and failed payments were not received, I6's came on
 *   2 July); outstanding on 1 July: I1 0, I2 0, I3 80,000 - 25,000 = 55,000, I6 12,345 = 67,345.
 * - USD: invoiced I8 60,000; paid I8's 70,000 (an overpayment still came in); outstanding: I7
 *   40,000 - 10,000 = 30,000 (a refunded payment was received) + I8 0 (overpaid: nothing owed) = 30,000.
 * - JPY: I9 was issued and paid in 2025: nothing in the quarter, nothing owed, so no line.
 * - Overdue on 1 July: I3 (due 9 June, 55,000 owed) and I7 (due 15 January) = 2.
 */
const quarter: ReportFigures = {
  periodStart: '2026-04-01T00:00:00.000Z',
  periodEnd: '2026-07-01T00:00:00.000Z',
  projects: { active: 2, completed: 1, milestonesAccepted: 3 },
  tickets: { opened: 5, resolved: 4, resolvedWithinSla: 2, slaAttainment: 0.5, csatAverage: 3.67, csatCount: 3 },
  nps: 9,
  invoices: {
    overdue: 2,
    byCurrency: [
      { currency: 'EUR', invoicedMinor: 92_345, paidMinor: 55_000, outstandingMinor: 67_345 },
      { currency: 'USD', invoicedMinor: 60_000, paidMinor: 70_000, outstandingMinor: 30_000 },
    ],
  },
};

/*
 * The previous period, 2025-12-31 to 2026-04-01, worked out by hand:
 * - Projects active: P1 (kicked off 10 January), P3 (signed off 10 February), P7 (kicked off 1 March,
 *   signed off 30 March) = 3; P6 was signed off on 15 December, before the period. Completed: P3, P7 = 2.
 *   Milestones accepted: P1's of 15 February = 1.
 * - Tickets opened: T7 (25 March), T8 (10 January) = 2. Resolved: T8 = 1, within SLA 1, attainment 1.
 *   CSAT: T8's 3 → 3, 1 rating.
 * - NPS: 6 (the review of 5 January).
 * - EUR: invoiced I1 100,000 + I2 50,000 = 150,000; paid I1's 100,000 + I2's 20,000 = 120,000;
 *   outstanding on 1 April: I2 50,000 - 20,000 = 30,000.
 * - USD: invoiced nothing (I7 was issued on 1 December); paid I7's 10,000 (10 February); outstanding
 *   I7 30,000.
 * - Overdue on 1 April: I7 (due 15 January) = 1; I2 was due on 19 April.
 */
const previous: ReportFigures = {
  periodStart: '2025-12-31T00:00:00.000Z',
  periodEnd: '2026-04-01T00:00:00.000Z',
  projects: { active: 3, completed: 2, milestonesAccepted: 1 },
  tickets: { opened: 2, resolved: 1, resolvedWithinSla: 1, slaAttainment: 1, csatAverage: 3, csatCount: 1 },
  nps: 6,
  invoices: {
    overdue: 1,
    byCurrency: [
      { currency: 'EUR', invoicedMinor: 150_000, paidMinor: 120_000, outstandingMinor: 30_000 },
      { currency: 'USD', invoicedMinor: 0, paidMinor: 10_000, outstandingMinor: 30_000 },
    ],
  },
};

/** The activities as the worker registers them (the registry's), by their names. */
const activities = () => createActivities({ db: h.db, config: h.config }) as unknown as ReportActivities;
const prepare = (c: { customerId: string; journeyId: string }) =>
  activities().prepareReport({ journeyId: c.journeyId, customerId: c.customerId, kind: 'quarterly-review', periodStart: QUARTER.start.toISOString(), periodEnd: QUARTER.end.toISOString() });

/** A file from the API, as bytes. */
async function download(path: string, token?: string) {
  const res = await fetch(h.baseUrl + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
}
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the figures', () => {
  it("counts the quarter's and the previous quarter's from the customer's own records, exactly as worked out by hand", async () => {
    const c = await client();
    expect(await reportFigures(h.db, c.customerId, QUARTER.start, QUARTER.end)).toEqual(quarter);
    expect(await reportFigures(h.db, c.customerId, PREVIOUS.start, PREVIOUS.end)).toEqual(previous);
  });

  it('has nothing to share out as null, and no currency line, for a customer with no records', async () => {
    const email = `${unique('empty')}@reports.test`;
    const customer = await h.db.customer.create({ data: { id: customerIdFor(email), companyName: 'Empty Ltd', contactName: 'Em', email } });
    expect(await reportFigures(h.db, customer.id, QUARTER.start, QUARTER.end)).toEqual({
      periodStart: quarter.periodStart,
      periodEnd: quarter.periodEnd,
      projects: { active: 0, completed: 0, milestonesAccepted: 0 },
      tickets: { opened: 0, resolved: 0, resolvedWithinSla: 0, slaAttainment: null, csatAverage: null, csatCount: 0 },
      nps: null,
      invoices: { overdue: 0, byCurrency: [] },
    });
  });
});

describe('the report', () => {
  let c: Awaited<ReturnType<typeof client>>;
  let reportId: string;
  beforeAll(async () => {
    c = await client();
  });

  it('is prepared once however often it is asked (a retried activity, two at once), with both periods', async () => {
    const [a, b] = await Promise.all([prepare(c), prepare(c)]);
    const again = await prepare(c);
    expect(b.reportId).toBe(a.reportId);
    expect(again.reportId).toBe(a.reportId);
    reportId = a.reportId;
    const rows = await h.db.accountReport.findMany({ where: { customerId: c.customerId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: reportId, journeyId: c.journeyId, kind: 'quarterly-review', periodStart: QUARTER.start, periodEnd: QUARTER.end, approvedBy: null, sentAt: null });
    expect(rows[0]!.figures).toEqual({ current: quarter, previous });
    expect(await h.db.journeyEvent.count({ where: { journeyId: c.journeyId, type: 'account_report_prepared' } })).toBe(1);
  });

  it('refuses an input the journey should never send, for good (no retry mends it)', async () => {
    await expect(
      activities().prepareReport({ journeyId: c.journeyId, customerId: c.customerId, kind: 'quarterly-review', periodStart: QUARTER.end.toISOString(), periodEnd: QUARTER.start.toISOString() }),
    ).rejects.toMatchObject({ type: 'InvalidActivityInput', nonRetryable: true, message: expect.stringContaining('periodEnd: Must be after periodStart') });
    await expect(activities().sendReport({ reportId: 'nope', approvedBy: h.users.success.id, key: 'k' })).rejects.toMatchObject({ nonRetryable: true, message: expect.stringContaining('reportId') });
  });

  it('is read as JSON by customer success and managers, with its figures', async () => {
    for (const role of ['success', 'manager', 'admin'] as const) {
      const res = await h.as(role)('GET', `/api/account-reports/${reportId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: reportId,
        customerId: c.customerId,
        journeyId: c.journeyId,
        kind: 'quarterly-review',
        periodStart: quarter.periodStart,
        periodEnd: quarter.periodEnd,
        approvedBy: null,
        sentAt: null,
        customer: { companyName: 'Reporting Ltd', contactName: 'Rhea Porter' },
      });
      expect(res.body.figures).toEqual({ current: quarter, previous });
    }
  });

  it('is a PDF for them too, as an attachment', async () => {
    const pdf = await download(`/api/account-reports/${reportId}/pdf`, h.users.success.token);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toBe('attachment; filename=quarterly-review-2026-07-01.pdf');
    expect(text(pdf.bytes).startsWith('%PDF')).toBe(true);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getTitle()).toBe('Quarterly review report, 2026-04-01 to 2026-07-01');
    expect(doc.getPageCount()).toBe(1);
  });

  it('is refused to roles without the work, and not found for an unknown or malformed id', async () => {
    for (const role of ['sales', 'pm', 'finance', 'support'] as const) {
      expect((await h.as(role)('GET', `/api/account-reports/${reportId}`)).status).toBe(403);
      expect((await download(`/api/account-reports/${reportId}/pdf`, h.users[role].token)).status).toBe(403);
    }
    expect((await h.as('anonymous')('GET', `/api/account-reports/${reportId}`)).status).toBe(401);
    for (const id of [randomUUID(), 'not-a-uuid', '00000000-0000-0000-0000-000000000000', `${reportId}x`, 'x'.repeat(500)]) {
      const json = await h.as('manager')('GET', `/api/account-reports/${id}`);
      expect([id, json.status, json.body.error.code]).toEqual([id, 404, 'not_found']);
      const pdf = await h.as('manager')('GET', `/api/account-reports/${id}/pdf`);
      expect([id, pdf.status, pdf.body.error.code]).toEqual([id, 404, 'not_found']);
    }
    // A NUL in the path is refused at the edge, before the route (api/input-guard.ts).
    expect((await h.as('manager')('GET', '/api/account-reports/%00')).status).toBe(400);
  });

  it('is sent once, however often it is sent, with a link the customer opens the PDF with', async () => {
    const send = (key: string) => activities().sendReport({ reportId, approvedBy: h.users.success.id, key });
    const [first, second] = await Promise.all([send('review-task-1'), send('review-task-1')]);
    const third = await send('another-key');
    expect(first.sentAt).toBe(second.sentAt);
    expect(third).toEqual(first);
    expect(first).toEqual({ reportId, sentAt: expect.any(String), email: 'OUTBOX' });

    const emails = await h.db.email.findMany({ where: { to: c.email, template: 'account-report' } });
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email).toMatchObject({ key: `account-report:${reportId}`, journeyId: c.journeyId, subject: 'Your quarterly review report: 2026-04-01 to 2026-07-01' });
    expect(email.text).toContain('Hello Rhea Porter,');
    expect(email.text).toContain('/customer/help/'); // a client's email ends with their help link

    const report = await h.db.accountReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({ approvedBy: h.users.success.id, sentAt: new Date(first.sentAt) });
    const events = await h.db.journeyEvent.findMany({ where: { journeyId: c.journeyId, type: 'account_report_sent' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: h.users.success.id, data: { reportId, key: 'review-task-1' } });

    // The link, on this test server.
    const link = /(\/customer\/account-reports\/[^\s]+)/.exec(email.text)![1]!;
    const pdf = await download(link);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(text(pdf.bytes).startsWith('%PDF')).toBe(true);
    expect((await PDFDocument.load(pdf.bytes)).getTitle()).toBe('Quarterly review report, 2026-04-01 to 2026-07-01');
    // Staff reads of the outbox show the link hidden.
    const outbox = await h.as('success')('GET', `/api/emails?filter=${encodeURIComponent(JSON.stringify({ journeyId: c.journeyId }))}`);
    expect(JSON.stringify(outbox.body)).toContain('/customer/account-reports/[link hidden]');
    expect(JSON.stringify(outbox.body)).not.toContain(link);
  });

  it('refuses a link that is altered, expired, for another purpose or another journey (404)', async () => {
    const secret = h.config.auth.secret;
    const token = (over: Partial<Parameters<typeof createLinkToken>[1]> = {}) =>
      createLinkToken(secret, { purpose: 'account-report', journeyId: c.journeyId, subject: reportId, exp: Date.now() + 60_000, ...over });
    expect((await download(`/customer/account-reports/${token()}`)).status).toBe(200);
    const refusals = [
      ['altered', `${token()}x`],
      ['expired', token({ exp: Date.now() - 1000 })],
      ['another purpose', token({ purpose: 'support-help' })],
      ['another journey', token({ journeyId: `journey:${c.customerId}:retention:2` })],
      ['an unknown report', token({ subject: randomUUID() })],
      ['not a report id', token({ subject: 'nope' })],
      ['garbage', 'garbage'],
    ] as const;
    for (const [what, t] of refusals) {
      const res = await fetch(`${h.baseUrl}/customer/account-reports/${t}`, { headers: { accept: 'application/json' } });
      const body = (await res.json()) as any;
      expect({ what, status: res.status, code: body.error.code }).toEqual({ what, status: 404, code: 'not_found' });
    }
    const expired = await fetch(`${h.baseUrl}/customer/account-reports/${token({ exp: Date.now() - 1000 })}`, { headers: { accept: 'application/json' } });
    expect(((await expired.json()) as any).error.message).toBe('This link has expired');
    // A person following a dead link is told so on a page.
    const page = await fetch(`${h.baseUrl}/customer/account-reports/garbage`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
