// Credit notes (issue 11) through the API on a real billing journey (dev server, real PostgreSQL):
// a partial credit and one that settles the invoice and ends its journey as paid; idempotency
// (the same key twice, twice at once, with another amount); more than the balance; nothing owed;
// a deposit; roles; bad input per field. Each invoice bills one hand-made milestone, so its total
// is exactly the milestone's amount (a customer of no country: no tax; no deposit to credit).
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { invoiceFor as billingInvoice } from '../../support/billing';
import type { Role } from '../../../api/auth/roles';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const invoiceFor = (currency: string, amountMinor: number) => billingInvoice(h, currency, amountMinor);

const credit = (invoiceId: string, body: object, key: string | undefined, as: Role | 'anonymous' = 'finance') =>
  request(h.baseUrl, 'POST', `/api/invoices/${invoiceId}/credit-notes`, body, as === 'anonymous' ? undefined : h.users[as].token, key === undefined ? {} : { 'Idempotency-Key': key });
const ledger = (id: string) => h.db.invoice.findUniqueOrThrow({ where: { id } });
const journeyOf = (id: string) => h.db.journey.findUniqueOrThrow({ where: { id } });

it('takes a credit note off the balance, then one that settles the invoice ends its journey as paid', async () => {
  // Worked by hand: an invoice of €1,234.56 (123456 cents), €200.00 paid by bank transfer → €1,034.56 due;
  // a credit note of €34.56 → €1,000.00 due; one of €1,000.00 → nothing due, the journey paid.
  const invoice = await invoiceFor('EUR', 123_456);
  expect(invoice).toMatchObject({ totalMinor: 123_456, taxMinor: 0, creditedMinor: 0, status: 'OPEN' });
  expect((await h.as('finance')('POST', `/api/invoices/${invoice.id}/payments`, { amountMinor: 20_000, reference: 'BT-CN-1' })).status).toBe(202);
  await eventually(() => ledger(invoice.id), (i) => i.paidMinor === 20_000, 30_000);

  const first = await credit(invoice.id, { amountMinor: 3_456, reason: 'Two design rounds were not needed' }, 'cn-1');
  expect(first.status).toBe(201);
  expect(first.body).toEqual({
    creditNote: expect.objectContaining({ number: `CN-${invoice.number}-1`, invoiceId: invoice.id, amountMinor: 3_456, currency: 'EUR', reason: 'Two design rounds were not needed', issuedBy: h.users.finance.id, delivered: true }),
    balanceMinor: 100_000,
  });
  expect(await ledger(invoice.id)).toMatchObject({ status: 'PARTIALLY_PAID', paidMinor: 20_000, creditedMinor: 3_456 });
  // The journey took it: on its trail, the customer emailed (no reason in the subject), still waiting for the rest.
  const mail = (await eventually(() => h.db.email.findFirst({ where: { journeyId: invoice.journeyId, template: 'credit-note' } }), Boolean, 30_000))!;
  expect(mail.subject).toBe(`Credit note CN-${invoice.number}-1: €34.56 off invoice ${invoice.number}`);
  expect(mail.text).toContain('Reason: Two design rounds were not needed');
  expect(mail.text).toContain('€1,000.00 remains to pay');
  const applied = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId: invoice.journeyId, type: 'credit_note_applied' } });
  expect(applied.data).toMatchObject({ creditNote: `CN-${invoice.number}-1`, amountMinor: 3_456, balanceMinor: 100_000 });
  expect((await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId: invoice.journeyId, type: 'credit_note_issued' } })).actor).toBe(h.users.finance.id);
  expect((await journeyOf(invoice.journeyId)).status).toBe('RUNNING');
  // The payment wait says what is left: €1,000.00.
  await eventually(() => h.db.journeyWait.findFirst({ where: { journeyId: invoice.journeyId, kind: 'payment', endedAt: null } }), (w) => !!w?.description?.includes('€1,000.00'), 30_000);

  // The same key again, twice at once: the same note, nothing more taken off; with another amount, a 409.
  const again = await Promise.all([1, 2].map(() => credit(invoice.id, { amountMinor: 3_456, reason: 'Two design rounds were not needed' }, 'cn-1')));
  expect(again.map((r) => [r.status, r.body.creditNote.id])).toEqual([
    [200, first.body.creditNote.id],
    [200, first.body.creditNote.id],
  ]);
  const otherAmount = await credit(invoice.id, { amountMinor: 3_000, reason: 'Two design rounds were not needed' }, 'cn-1');
  expect([otherAmount.status, otherAmount.body.error.message]).toEqual([409, `This Idempotency-Key issued CN-${invoice.number}-1 for €34.56, not €30.00`]);
  expect((await ledger(invoice.id)).creditedMinor).toBe(3_456);

  // More than the €1,000.00 due: a 400 on the amount, said in money.
  const tooMuch = await credit(invoice.id, { amountMinor: 100_001, reason: 'Goodwill' }, 'cn-2');
  expect(tooMuch.status).toBe(400);
  expect(tooMuch.body.error.fields).toEqual([{ field: 'amountMinor', message: 'That is more than the €1,000.00 left to pay: credit at most that (100000 in minor units)' }]);

  // Two new notes at once for the whole balance: one is issued, the other finds nothing left (or the balance smaller).
  const both = await Promise.all(['cn-3', 'cn-4'].map((key) => credit(invoice.id, { amountMinor: 100_000, reason: 'Project cancelled by agreement' }, key)));
  expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  const settled = both.find((r) => r.status === 201)!;
  expect(settled.body).toMatchObject({ creditNote: { number: `CN-${invoice.number}-2` }, balanceMinor: 0 });
  expect(await ledger(invoice.id)).toMatchObject({ status: 'PAID', paidMinor: 20_000, creditedMinor: 103_456 });
  const ended = await eventually(() => journeyOf(invoice.journeyId), (j) => j.status === 'COMPLETED', 30_000);
  expect(ended).toMatchObject({ stage: 'paid', endReason: expect.stringContaining('€1,034.56 of it by credit notes') });
  const last = (await eventually(() => h.db.email.findMany({ where: { journeyId: invoice.journeyId, template: 'credit-note' } }), (m) => m.length === 2, 30_000)).at(-1)!;
  expect(last.text).toContain('Nothing remains to pay on the invoice.');
  // Nothing owed now: a 409; the first key still answers its note.
  const nothing = await credit(invoice.id, { amountMinor: 1, reason: 'One more' }, 'cn-5');
  expect([nothing.status, nothing.body.error.message]).toEqual([409, `Invoice ${invoice.number} has nothing left to pay: there is nothing to credit`]);
  expect((await credit(invoice.id, { amountMinor: 3_456, reason: 'Two design rounds were not needed' }, 'cn-1')).status).toBe(200);
  // No reminder or late fee went out, and none can: the journey has ended.
  expect(await h.db.email.count({ where: { journeyId: invoice.journeyId, template: { in: ['invoice-reminder', 'late-fee'] } } })).toBe(0);

  // The invoice lists its notes; its PDF and each note's PDF; the CSV's credited column.
  const detail = await h.as('manager')('GET', `/api/invoices/${invoice.id}`);
  expect(detail.status).toBe(200);
  expect(detail.body).toMatchObject({ number: invoice.number, balanceMinor: 0, creditedMinor: 103_456, creditNotes: [{ number: `CN-${invoice.number}-1` }, { number: `CN-${invoice.number}-2` }] });
  expect(detail.body.creditNotes[0].idempotencyKey).toBeUndefined();
  const pdf = async (path: string) => {
    const res = await fetch(`${h.baseUrl}${path}`, { headers: { authorization: `Bearer ${h.users.finance.token}` } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    return { doc: await PDFDocument.load(await res.arrayBuffer()), disposition: res.headers.get('content-disposition') };
  };
  expect((await pdf(`/api/invoices/${invoice.id}/pdf`)).doc.getPageCount()).toBe(1);
  const note = await pdf(`/api/invoices/${invoice.id}/credit-notes/${first.body.creditNote.id}/pdf`);
  expect(note.doc.getTitle()).toBe(`Credit note CN-${invoice.number}-1`);
  expect(note.disposition).toBe(`attachment; filename=CN-${invoice.number}-1.pdf`);
  expect((await h.as('finance')('GET', `/api/invoices/${invoice.id}/credit-notes/${randomUUID()}/pdf`)).status).toBe(404);
  expect((await h.as('sales')('GET', `/api/invoices/${invoice.id}/credit-notes/${first.body.creditNote.id}/pdf`)).status).toBe(403);
  const filter = encodeURIComponent(JSON.stringify({ journeyId: invoice.journeyId }));
  const csv = await (await fetch(`${h.baseUrl}/api/invoices/export?filter=${filter}`, { headers: { authorization: `Bearer ${h.users.finance.token}` } })).text();
  const [header, row] = csv.split('\r\n');
  expect(header).toBe('number,kind,status,customer,currency,subtotal,tax,total,paid,refunded,credited,balance,issued,due,paidOn,journeyId');
  expect(row).toContain(',EUR,1234.56,0.00,1234.56,200.00,0.00,1034.56,0.00,');
});

it('credits a yen invoice in whole yen, for a manager too', async () => {
  // ¥123,456 less a ¥23,456 credit note: ¥100,000 due.
  const invoice = await invoiceFor('JPY', 123_456);
  const res = await credit(invoice.id, { amountMinor: 23_456, reason: 'Discount agreed on the call' }, 'jpy-1', 'manager');
  expect([res.status, res.body.balanceMinor, res.body.creditNote.number]).toEqual([201, 100_000, `CN-${invoice.number}-1`]);
  const mail = (await eventually(() => h.db.email.findFirst({ where: { journeyId: invoice.journeyId, template: 'credit-note' } }), Boolean, 30_000))!;
  expect(mail.subject).toBe(`Credit note CN-${invoice.number}-1: ¥23,456 off invoice ${invoice.number}`);
  expect(mail.text).toContain('¥100,000 remains to pay');
  const tooMuch = await credit(invoice.id, { amountMinor: 100_001, reason: 'Goodwill' }, 'jpy-2');
  expect(tooMuch.body.error.fields[0].message).toBe('That is more than the ¥100,000 left to pay: credit at most that (100000 in minor units)');
});

it('refuses other roles, a deposit, a void invoice, a missing key and bad values per field', async () => {
  const invoice = await invoiceFor('USD', 50_000);
  const ok = { amountMinor: 100, reason: 'Goodwill' };
  for (const role of ['sales', 'pm', 'support', 'success'] as const) expect((await credit(invoice.id, ok, 'k', role)).status).toBe(403);
  expect((await credit(invoice.id, ok, 'k', 'anonymous')).status).toBe(401);
  expect((await credit(randomUUID(), ok, 'k')).status).toBe(404);
  expect((await credit('not-an-id', ok, 'k')).status).toBe(404);
  const missingKey = await credit(invoice.id, ok, undefined);
  expect([missingKey.status, missingKey.body.error.fields]).toEqual([400, [{ field: 'header.idempotency-key', message: expect.any(String) }]]);
  expect((await credit(invoice.id, ok, 'k'.repeat(201))).status).toBe(400);
  expect((await credit(invoice.id, ok, '   ')).status).toBe(400);
  const bad: Array<[object, string]> = [
    [{ ...ok, amountMinor: 0 }, 'amountMinor'],
    [{ ...ok, amountMinor: -500 }, 'amountMinor'],
    [{ ...ok, amountMinor: 1.5 }, 'amountMinor'],
    [{ ...ok, amountMinor: '100' }, 'amountMinor'],
    [{ ...ok, amountMinor: null }, 'amountMinor'],
    [{ ...ok, amountMinor: 1e12 }, 'amountMinor'],
    [{ reason: 'Goodwill' }, 'amountMinor'],
    [{ ...ok, reason: '' }, 'reason'],
    [{ ...ok, reason: '   ' }, 'reason'],
    [{ ...ok, reason: 'ok' }, 'reason'],
    [{ ...ok, reason: 42 }, 'reason'],
    [{ ...ok, reason: 'Nul\u0000here' }, 'reason'],
    [{ ...ok, reason: 'Lone \ud800 surrogate' }, 'reason'],
    [{ ...ok, reason: 'x'.repeat(501) }, 'reason'],
    [{ ...ok, currency: 'USD' }, 'currency'],
  ];
  for (const [body, field] of bad) {
    const res = await credit(invoice.id, body, 'bad-input');
    expect([JSON.stringify(body).slice(0, 60), res.status, res.body.error.fields?.map((f: { field: string }) => f.field) ?? []]).toEqual([JSON.stringify(body).slice(0, 60), 400, [field]]);
  }
  expect((await request(h.baseUrl, 'POST', `/api/invoices/${invoice.id}/credit-notes`, 'x'.repeat(2_000_000), h.users.finance.token, { 'Idempotency-Key': 'huge' })).status).toBe(413);
  expect(await h.db.creditNote.count({ where: { invoiceId: invoice.id } })).toBe(0);

  // A deposit: its acquisition waits for its link's payment, not a balance (as bank transfers, a 409).
  const depositJourney = `journey:${invoice.customerId}:acquisition:deposit-${Date.now()}`;
  await h.db.journey.create({ data: { id: depositJourney, kind: 'acquisition', customerId: invoice.customerId, stage: 'deposit' } });
  const deposit = await h.db.invoice.create({ data: { number: `INV-DEPOSIT-${Date.now()}`, kind: 'deposit', journeyId: depositJourney, customerId: invoice.customerId, status: 'OPEN', currency: 'USD', subtotalMinor: 50_000, totalMinor: 50_000 } });
  const onDeposit = await credit(deposit.id, ok, 'dep');
  expect([onDeposit.status, onDeposit.body.error.message]).toEqual([409, `Invoice ${deposit.number} is a deposit: it is paid through its payment link, which the acquisition waits for; credit the milestone's invoice instead`]);
  // A void invoice: nothing owed.
  await h.db.invoice.update({ where: { id: deposit.id }, data: { kind: 'milestone', status: 'VOID' } });
  expect((await credit(deposit.id, ok, 'void')).status).toBe(409);
  expect(await h.db.creditNote.count({ where: { invoiceId: deposit.id } })).toBe(0);
});
