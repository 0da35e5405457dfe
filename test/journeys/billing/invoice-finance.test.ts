// Finance's work on an invoice through the API, on a real billing journey: a bank transfer recorded
// by hand reaches the journey as a provider's payment does (ledger, receipt, the journey ending
// when the balance is paid), once per reference however often it is sent; the invoice sent again
// and a reminder now, once per request key; the invoice as a PDF as it stands; and the invoices
// as CSV, amounts in the currency's units. On the time-skipping
// server, as the other billing tests.
import { PDFDocument } from 'pdf-lib';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
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

/** A new project's first milestone invoiced: 315,000 (USD 3,150.00, worked out in invoice-stripe.test.ts). */
async function milestoneInvoice() {
  const { journeyId: acquisitionId } = await drive.qualifiedLead();
  const { deliveryId, projectId } = await drive.deliveryStarted(acquisitionId);
  await drive.deliverMilestone(deliveryId, 1);
  const [m1] = await read.milestonesOf(projectId);
  const invoice = await read.invoiceOf(m1!.id);
  expect(invoice.totalMinor).toBe(315_000);
  return invoice;
}

const transfer = (invoiceId: string, body: object, as: 'finance' | 'sales' = 'finance') => h.as(as)('POST', `/api/invoices/${invoiceId}/payments`, body);

it('records bank transfers as payments: once per reference, never more than is due, the journey ending when paid', async () => {
  const invoice = await milestoneInvoice();
  const ledger = () => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });

  // USD 1,000.00 of the 3,150.00, received yesterday.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const first = await transfer(invoice.id, { amountMinor: 100_000, reference: 'BT-2026-0001', receivedOn: yesterday });
  expect(first.status).toBe(202);
  expect(first.body).toEqual({ status: 'recorded', providerPaymentId: `bank:${invoice.number}:BT-2026-0001`, balanceMinor: 215_000 });
  await eventually(ledger, (i) => i.paidMinor === 100_000, 30_000);
  expect(await ledger()).toMatchObject({ status: 'PARTIALLY_PAID', paidMinor: 100_000 });
  expect(await h.db.payment.findUniqueOrThrow({ where: { providerPaymentId: `bank:${invoice.number}:BT-2026-0001` } })).toMatchObject({ provider: 'bank-transfer', status: 'SUCCEEDED', amountMinor: 100_000 });
  const receipt = await eventually(() => h.db.email.findFirst({ where: { journeyId: invoice.journeyId, template: 'receipt' } }), Boolean, 30_000);
  expect(receipt!.text).toContain('We have received $1,000.00');
  const recorded = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId: invoice.journeyId, type: 'bank_transfer_recorded' } });
  expect(recorded.data).toMatchObject({ amountMinor: 100_000, reference: 'BT-2026-0001', receivedOn: yesterday });

  // Sent again (twice at once), it counts once; the same reference for another amount is refused.
  const again = await Promise.all([1, 2].map(() => transfer(invoice.id, { amountMinor: 100_000, reference: 'BT-2026-0001' })));
  expect(again.map((r) => [r.status, r.body.status])).toEqual([
    [202, 'duplicate'],
    [202, 'duplicate'],
  ]);
  const otherAmount = await transfer(invoice.id, { amountMinor: 50_000, reference: 'BT-2026-0001' });
  expect([otherAmount.status, otherAmount.body.error.message]).toEqual([409, 'The transfer BT-2026-0001 was recorded for $1,000.00']);

  // A reminder now, asked twice with one key: one email, from the invoice as it stands; the invoice again, with its pay link.
  const notice = (body: object, key?: string) =>
    request(h.baseUrl, 'POST', `/api/invoices/${invoice.id}/notices`, body, h.users.finance.token, key ? { 'Idempotency-Key': key } : {});
  const reminders = await Promise.all([notice({ notice: 'reminder' }, 'remind-1'), notice({ notice: 'reminder' }, 'remind-1')]);
  expect(reminders.map((r) => r.status)).toEqual([202, 202]);
  expect(reminders.map((r) => r.body.status).sort()).toEqual(['duplicate', 'sending']);
  const reminderKey = `${invoice.journeyId}:invoice:reminder:${h.users.finance.id}:remind-1`;
  const reminder = await eventually(() => h.db.email.findUnique({ where: { key: reminderKey } }), Boolean, 30_000);
  expect(reminder!.text).toContain('$2,150.00 of $3,150.00 remains to pay');
  expect(reminder!.text).toMatch(/\/customer\/invoices\/\S+/);
  expect((await notice({ notice: 'invoice' }, 'again-1')).body.status).toBe('sending');
  await eventually(() => h.db.email.findUnique({ where: { key: `${invoice.journeyId}:invoice:invoice:${h.users.finance.id}:again-1` } }), Boolean, 30_000);
  const trail = await h.db.journeyEvent.findMany({ where: { journeyId: invoice.journeyId, type: { in: ['invoice_reminder_sent', 'invoice_sent_again'] } } });
  expect(trail.map((e) => [e.type, e.actor]).sort()).toEqual([
    ['invoice_reminder_sent', h.users.finance.id],
    ['invoice_sent_again', h.users.finance.id],
  ]);
  expect((await notice({ notice: 'postcard' })).status).toBe(400);

  // More than the USD 2,150.00 left: a 400 on the amount, in money.
  const tooMuch = await transfer(invoice.id, { amountMinor: 215_001, reference: 'BT-2026-0002' });
  expect(tooMuch.status).toBe(400);
  expect(tooMuch.body.error.fields).toEqual([{ field: 'amountMinor', message: expect.stringContaining('more than the $2,150.00 left to pay') }]);

  // The rest: paid in full, the journey completes.
  expect((await transfer(invoice.id, { amountMinor: 215_000, reference: 'BT-2026-0002' })).body.status).toBe('recorded');
  await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: invoice.journeyId } }), (j) => j.status === 'COMPLETED', 30_000);
  // Its end reason links the invoice for finance; for a PM, who cannot open invoices, it is text.
  const reasonFor = async (role: 'finance' | 'pm') => (await h.as(role)('GET', `/api/journeys/${encodeURIComponent(invoice.journeyId)}`)).body.endReasonParts;
  expect(await reasonFor('finance')).toEqual(expect.arrayContaining([{ text: invoice.number, link: { resource: 'invoices', id: invoice.id } }]));
  expect(await reasonFor('pm')).toEqual(expect.arrayContaining([{ text: invoice.number }]));
  expect(await ledger()).toMatchObject({ status: 'PAID', paidMinor: 315_000 });
  const paidAgain = await transfer(invoice.id, { amountMinor: 1, reference: 'BT-2026-0003' });
  expect([paidAgain.status, paidAgain.body.error.message]).toEqual([409, `Invoice ${invoice.number} has nothing left to pay`]);
  const remindPaid = await notice({ notice: 'reminder' });
  expect([remindPaid.status, remindPaid.body.error.message]).toEqual([409, `Invoice ${invoice.number} has nothing left to pay: download its PDF for a copy`]);

  // The PDF as it stands now: paid in full.
  const pdf = await fetch(`${h.baseUrl}/api/invoices/${invoice.id}/pdf`, { headers: { authorization: `Bearer ${h.users.finance.token}` } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename=${invoice.number}.pdf`);
  const doc = await PDFDocument.load(await pdf.arrayBuffer());
  expect(doc.getTitle()).toBe(`Invoice ${invoice.number}`);
  expect(doc.getPageCount()).toBe(1);

  // The CSV of this invoice: amounts in dollars with their cents.
  const filter = encodeURIComponent(JSON.stringify({ journeyId: invoice.journeyId }));
  const csv = await fetch(`${h.baseUrl}/api/invoices/export?filter=${filter}`, { headers: { authorization: `Bearer ${h.users.manager.token}` } });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const [header, row, end] = (await csv.text()).split('\r\n');
  expect(header).toBe('number,kind,status,customer,currency,subtotal,tax,total,paid,refunded,credited,balance,issued,due,paidOn,journeyId');
  expect(row).toMatch(new RegExp(`^${invoice.number},milestone,PAID,("[^"]*"|[^,]+),USD,\\d+\\.\\d{2},\\d+\\.\\d{2},3150\\.00,3150\\.00,0\\.00,0\\.00,0\\.00,\\d{4}-\\d\\d-\\d\\d,\\d{4}-\\d\\d-\\d\\d,\\d{4}-\\d\\d-\\d\\d,${invoice.journeyId}$`));
  expect(end).toBe('');
});

it('refuses a transfer from anyone but finance and managers, to an invoice that is not there, and with bad values per field', async () => {
  const invoice = await h.db.invoice.findFirstOrThrow();
  const ok = { amountMinor: 100, reference: 'BT-1' };
  expect((await transfer(invoice.id, ok, 'sales')).status).toBe(403);
  expect((await h.as('anonymous')('POST', `/api/invoices/${invoice.id}/payments`, ok)).status).toBe(401);
  expect((await transfer('00000000-0000-4000-8000-000000000000', ok)).status).toBe(404);
  expect((await transfer('not-an-id', ok)).status).toBe(404);
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const bad: Array<[object, string]> = [
    [{ ...ok, amountMinor: 0 }, 'amountMinor'],
    [{ ...ok, amountMinor: 1.5 }, 'amountMinor'],
    [{ ...ok, amountMinor: '100' }, 'amountMinor'],
    [{ ...ok, reference: 'BT\u0000' }, 'reference'],
    [{ ...ok, reference: '   ' }, 'reference'],
    [{ ...ok, reference: 'x'.repeat(101) }, 'reference'],
    [{ ...ok, receivedOn: tomorrow }, 'receivedOn'],
    [{ ...ok, receivedOn: '2026-02-30' }, 'receivedOn'],
    [{ ...ok, payer: 'someone' }, 'payer'],
  ];
  for (const [body, field] of bad) {
    const res = await transfer(invoice.id, body);
    expect([JSON.stringify(body), res.status, res.body.error.fields?.map((f: { field: string }) => f.field) ?? []]).toEqual([JSON.stringify(body), 400, [field]]);
  }
  // A deposit is paid through its link, which its acquisition waits for: a transfer on it is refused, not taken.
  const customerId = invoice.customerId;
  const depositJourney = `journey:${customerId}:acquisition:deposit-${Date.now()}`;
  await h.db.journey.create({ data: { id: depositJourney, kind: 'acquisition', customerId, stage: 'deposit' } });
  const deposit = await h.db.invoice.create({
    data: { number: `INV-DEPOSIT-${Date.now()}`, kind: 'deposit', journeyId: depositJourney, customerId, status: 'OPEN', currency: 'USD', subtotalMinor: 50_000, totalMinor: 50_000 },
  });
  const onDeposit = await transfer(deposit.id, ok);
  expect([onDeposit.status, onDeposit.body.error.message]).toEqual([409, `Invoice ${deposit.number} is a deposit: it is paid through its payment link, which the acquisition waits for`]);
  expect(await h.db.externalEvent.count({ where: { objectId: { startsWith: `bank:${deposit.number}:` } } })).toBe(0);
  // The PDF and the export, for finance and managers only.
  expect((await h.as('sales')('GET', `/api/invoices/${invoice.id}/pdf`)).status).toBe(403);
  expect((await h.as('finance')('GET', '/api/invoices/not-an-id/pdf')).status).toBe(404);
  expect((await h.as('support')('GET', '/api/invoices/export')).status).toBe(403);
  expect((await h.as('finance')('GET', '/api/invoices/export?filter={"status":"LOST"}')).status).toBe(400);
});
