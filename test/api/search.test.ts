// The app bar's search (GET /api/search) on a real PostgreSQL with its trigram indexes: a lead's
// customer, journey and task, an invoice and a ticket found by a name, an email, a number or a
// journey id; every word must match; wildcards typed are taken literally; each group holds only
// what the caller may read; bad input is a 400 naming the query. Other test files share the
// database, so every name here carries letters of its own.
import { randomBytes } from 'node:crypto';
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { lead } from '../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(() => h?.stop());

/** Letters no other record has. */
const uniqueWord = () => `qx${[...randomBytes(7)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const search = (q: string, role: Parameters<Harness['as']>[0] = 'manager') => h.as(role)('GET', `/api/search?${new URLSearchParams({ q })}`);

/** A lead's customer with their journey, its follow-up task, an invoice and a ticket. */
async function customerWithRecords() {
  const word = uniqueWord();
  const created = await request(h.baseUrl, 'POST', '/api/leads', lead({ companyName: `Zorblax ${word} Ltd`, contactName: 'Quintessa Marlow', email: `${word}@zorblax.example` }));
  expect(created.status).toBe(201);
  const { customerId, journeyId } = created.body as { customerId: string; journeyId: string };
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId } }), Boolean);
  const invoice = await h.db.invoice.create({
    data: { number: `INV-${word.toUpperCase()}`, journeyId, customerId, status: 'OPEN', currency: 'EUR', subtotalMinor: 12_345, totalMinor: 12_345 },
  });
  const raised = await h.as('support')('POST', '/api/tickets', { customerId, subject: `Printer ${word} jammed`, description: 'It beeps.', category: 'question' });
  expect(raised.status).toBe(201);
  const ticket = await eventually(() => h.db.supportTicket.findFirst({ where: { customerId } }), Boolean);
  return { word, customerId, journeyId, taskId: task!.id, invoice, ticket: ticket! };
}

it('finds a customer and all their records by a word of the company, an email, a number or a journey id', async () => {
  const c = await customerWithRecords();
  const res = await search(c.word);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    q: c.word,
    customers: [{ id: c.customerId, companyName: `Zorblax ${c.word} Ltd`, contactName: 'Quintessa Marlow', email: `${c.word}@zorblax.example` }],
    invoices: [{ id: c.invoice.id, number: c.invoice.number, status: 'OPEN', totalMinor: 12_345, currency: 'EUR', journeyId: c.journeyId }],
  });
  // The ticket matches itself (its subject) and its customer; it opened a journey of its own.
  expect(res.body.tickets).toEqual([expect.objectContaining({ id: c.ticket.id, number: c.ticket.number, subject: `Printer ${c.word} jammed` })]);
  expect(res.body.journeys).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: c.journeyId, kind: 'acquisition', stage: 'inquiry', status: 'RUNNING', companyName: `Zorblax ${c.word} Ltd` }),
      expect.objectContaining({ id: c.ticket.journeyId, kind: 'support' }),
    ]),
  );
  expect(res.body.journeys).toHaveLength(2);
  expect(res.body.tasks.map((t: { id: string }) => t.id)).toContain(c.taskId);

  // By the contact's email, an invoice number (a part of it, in lower case), a ticket number, a journey id.
  expect((await search(`${c.word}@zorblax`)).body.customers.map((x: { id: string }) => x.id)).toEqual([c.customerId]);
  const byNumber = await search(c.invoice.number.slice(4).toLowerCase(), 'finance');
  expect(byNumber.body.invoices[0]).toMatchObject({ id: c.invoice.id });
  const byTicket = await search(`T-${c.ticket.number} ${c.word}`, 'support');
  expect(byTicket.body.tickets[0]).toMatchObject({ id: c.ticket.id });
  expect((await search(c.journeyId, 'sales')).body.journeys).toEqual([expect.objectContaining({ id: c.journeyId })]);
});

it('needs every word to match, and takes wildcards literally', async () => {
  const c = await customerWithRecords();
  expect((await search(`zorblax ${c.word}`)).body.customers).toHaveLength(1);
  expect((await search(`${c.word} quintessa`)).body.customers).toHaveLength(1);
  const none = (await search(`${c.word} nothingcalledthis`)).body;
  expect([none.customers, none.journeys, none.tasks, none.invoices, none.tickets]).toEqual([[], [], [], [], []]);
  // "_" and "%" are characters to find, not patterns: "qx_" is not "qx" and a letter.
  for (const q of [`${c.word.slice(0, -1)}_`, `${c.word.slice(0, 4)}%${c.word.slice(5)}`, '%%', '__']) {
    const res = await search(q);
    expect({ q, status: res.status, customers: res.body.customers.filter((x: { id: string }) => x.id === c.customerId) }).toEqual({ q, status: 200, customers: [] });
  }
});

it('answers each person with what they may read: no invoices but for finance and managers, no tickets but for support', async () => {
  const c = await customerWithRecords();
  const sales = (await search(c.word, 'sales')).body;
  expect(Object.keys(sales).sort()).toEqual(['customers', 'journeys', 'q', 'tasks']);
  expect(sales.tasks.map((t: { id: string }) => t.id)).toContain(c.taskId); // the follow-up is in the sales queue
  const pm = (await search(c.word, 'pm')).body;
  expect(pm.customers).toHaveLength(1);
  expect(pm.tasks).toEqual([]); // no task of the PM's queues
  expect(Object.keys((await search(c.word, 'finance')).body)).toContain('invoices');
  expect(Object.keys((await search(c.word, 'finance')).body)).not.toContain('tickets');
  expect(Object.keys((await search(c.word, 'support')).body)).toContain('tickets');
  expect((await search(c.word, 'anonymous')).status).toBe(401);
});

it('refuses a search it cannot run with a 400 naming the query; never a 500', async () => {
  const bad = async (query: string) => {
    const res = await h.as('sales')('GET', `/api/search${query}`);
    return { query, status: res.status, field: res.body.error?.fields?.[0]?.field };
  };
  for (const [query, field] of [
    ['', 'query.q'],
    ['?q=a', 'query.q'],
    ['?q=%20%20', 'query.q'],
    [`?q=${'x'.repeat(101)}`, 'query.q'],
    ['?q=ab%00cd', 'query.q'],
    ['?q=ab&q=cd', 'query.q'],
    ['?q[x]=ab', 'query.q'],
    ['?q=ab&limit=3', 'query.limit'],
    [`?q=${encodeURIComponent('a b c d e f g h i j k')}`, 'query.q'],
  ] as const) {
    expect(await bad(query)).toEqual({ query, status: 400, field });
  }
  // Syntax of other search languages is only text here.
  for (const q of ['" or 1=1 --', "o'brien", '\\\\', '(|)!&*:']) {
    expect({ q, status: (await search(q)).status }).toEqual({ q, status: 200 });
  }
});
