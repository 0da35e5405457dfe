// A support ticket through the API on the dev server and PostgreSQL: raised by staff for a
// customer, routed by keyword to the billing queue and handed to its least-loaded agent; the agent
// replies (emailed, with the ticket's link), the customer replies through the link, the agent
// resolves it and the customer confirms; then the rating is asked. Internal notes stay off the
// customer's page; replies to a closed ticket are 409; a link for another purpose is 404.
import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { lead } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const ticketLinkOf = async (journeyId: string) => {
  const mail = await eventually(() => h.db.email.findFirst({ where: { key: `${journeyId}:received` } }), Boolean);
  return new URL(mail!.text.match(/https?:\/\/\S+\/customer\/tickets\/\S+/)![0]).pathname;
};

async function aCustomer() {
  const res = await h.as('anonymous')('POST', '/api/leads', lead());
  expect(res.status).toBe(201);
  await eventually(() => h.db.customer.findUnique({ where: { id: res.body.customerId } }), Boolean);
  return res.body.customerId as string;
}

it('takes a ticket from raised to confirmed, routed, answered both ways, with its figures and the rating asked', async () => {
  // Two billing agents; the one with a ticket already is not the least loaded.
  const agents = await Promise.all(
    ['busy', 'free'].map((n) =>
      h.db.user.create({ data: { email: `${n}-${randomUUID()}@pivotal.test`, name: `Agent ${n}`, roles: ['support'], skills: ['billing'], passwordHash: 'x' } }),
    ),
  );
  const customerId = await aCustomer();
  const earlier = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'Old one', description: 'About an invoice', category: 'question' });
  expect(earlier.status).toBe(201);
  await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: earlier.body.journeyId } }), Boolean);
  await h.db.supportTicket.update({ where: { journeyId: earlier.body.journeyId }, data: { assigneeId: agents[0]!.id } });

  const raised = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'Charged twice', description: 'My invoice payment went through twice.', category: 'question', priority: 'high' });
  expect(raised.status).toBe(201);
  expect(raised.body.journeyId).toBe(`journey:${customerId}:support:2`);
  const row = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: raised.body.journeyId } }), Boolean);
  expect(row).toMatchObject({ queue: 'billing', assigneeId: agents[1]!.id, priority: 'high', status: 'new', channel: 'staff' });
  const id = row!.id;
  const clocks = await eventually(
    async () => (await h.as('support')('GET', `/api/tickets/${id}`)).body.clocks,
    (c) => c?.firstResponse?.state === 'running' || c?.firstResponse?.state === 'paused',
  );
  expect(clocks.firstResponse.targetMinutes).toBe(240);
  expect(clocks.resolution.targetMinutes).toBe(960);

  const link = await ticketLinkOf(raised.body.journeyId);
  // A lead is no client yet: their emails carry no help link.
  expect((await h.db.email.findFirstOrThrow({ where: { key: `${raised.body.journeyId}:received` } })).text).not.toContain('/customer/help/');
  const note = await h.as('support')('POST', `/api/tickets/${id}/replies`, { id: randomUUID(), body: 'Check Stripe first', internal: true });
  expect(note).toMatchObject({ status: 200, body: { status: 'new' } });
  const replyId = randomUUID();
  const reply = { id: replyId, body: 'We are refunding the second charge. Did both show on your statement?' };
  const [first, again] = await Promise.all([h.as('support')('POST', `/api/tickets/${id}/replies`, reply), h.as('support')('POST', `/api/tickets/${id}/replies`, reply)]);
  expect([first.status, again.status]).toEqual([200, 200]);
  expect(first.body.status).toBe('waiting-on-customer');
  expect(await h.db.ticketMessage.count({ where: { id: replyId } })).toBe(1);
  await eventually(() => h.db.email.count({ where: { key: `${raised.body.journeyId}:reply:${replyId}` } }), (n) => n === 1);

  const page = await request(h.baseUrl, 'GET', link);
  expect(page.body.messages.map((m: { body: string }) => m.body)).toEqual([reply.body]);
  const customerReply = await request(h.baseUrl, 'POST', link, { body: 'Yes, both did.', nonce: 'reply-nonce-1' });
  expect(customerReply).toMatchObject({ status: 200, body: { status: 'open' } });
  expect((await request(h.baseUrl, 'POST', link, { body: 'Yes, both did.', nonce: 'reply-nonce-1' })).status).toBe(200);
  expect(await h.db.ticketMessage.count({ where: { ticketId: id, author: 'customer' } })).toBe(1);
  const open = await eventually(
    async () => (await h.as('support')('GET', `/api/tickets/${id}`)).body,
    (t) => t.clocks?.nextResponse?.state === 'running' || t.clocks?.nextResponse?.state === 'paused',
  );
  expect(open.clocks.firstResponse.state).toBe('met');

  const resolved = await h.as('support')('POST', `/api/tickets/${id}/replies`, { id: randomUUID(), body: 'Refunded.', then: 'resolved' });
  expect(resolved.body.status).toBe('resolved');
  const confirmed = await request(h.baseUrl, 'POST', link, { confirmResolved: true, nonce: 'confirm-nonce-1' });
  expect(confirmed.status).toBe(200);
  const closed = await eventually(() => h.db.supportTicket.findUniqueOrThrow({ where: { id } }), (t) => t.closedAt !== null);
  expect(closed).toMatchObject({ closeReason: 'confirmed', status: 'closed', breaches: 0 });
  expect(closed.firstResponseMinutes).toEqual(expect.any(Number));
  expect(closed.resolutionMinutes).toEqual(expect.any(Number));
  await eventually(() => h.db.customerDecision.findFirst({ where: { journeyId: raised.body.journeyId, subject: 'satisfaction' } }), Boolean);

  // Closed: the customer's replies and staff's are refused.
  expect((await request(h.baseUrl, 'POST', link, { body: 'One more thing', nonce: 'late-nonce-1' })).status).toBe(409);
  expect((await h.as('support')('POST', `/api/tickets/${id}/replies`, { id: randomUUID(), body: 'Hello?' })).status).toBe(409);
  // The inbox lists it among the closed ones; sales may not read tickets.
  const inbox = await h.as('support_lead')('GET', `/api/tickets?filter=${encodeURIComponent(JSON.stringify({ customerId }))}`);
  expect(inbox.headers.get('content-range')).toBe('tickets 0-1/2');
  // Rows name their customer; the journey page finds its ticket by journey; the page has its project (none here).
  const company = (await h.db.customer.findUniqueOrThrow({ where: { id: customerId } })).companyName;
  expect(inbox.body.map((t: { customer: unknown }) => t.customer)).toEqual([{ id: customerId, companyName: company }, { id: customerId, companyName: company }]);
  const byJourney = await h.as('support')('GET', `/api/tickets?filter=${encodeURIComponent(JSON.stringify({ journeyId: raised.body.journeyId }))}`);
  expect(byJourney.body.map((t: { id: string }) => t.id)).toEqual([id]);
  expect((await h.as('support')('GET', `/api/tickets/${id}`)).body).toMatchObject({ customer: { id: customerId, companyName: company }, project: null });
  expect((await h.as('sales')('GET', '/api/tickets')).status).toBe(403);

  // Rated low: the support lead's follow-up runs on business hours, so its due date is not one a manager moves.
  await request(h.baseUrl, 'POST', await journeyDriver(h).emailedLink(raised.body.journeyId, 'decision:satisfaction'), { rating: 2, comment: 'Slow' });
  const followUp = await eventually(() => h.db.task.findFirst({ where: { journeyId: raised.body.journeyId, type: 'csat-follow-up' } }), Boolean);
  const moved = await h.as('manager')('POST', `/api/tasks/${followUp!.id}/due`, { dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
  expect([moved.status, moved.body.error?.message]).toEqual([409, 'This task is due when its SLA clock says, not on a date set by hand']);
  expect((await h.db.task.findUniqueOrThrow({ where: { id: followUp!.id } })).dueAt).toEqual(followUp!.dueAt);
});

it('refuses bad input with 4xx: unknown customer, empty text, NUL bytes, a duplicate without its ticket, another link', async () => {
  const customerId = await aCustomer();
  const post = (body: unknown) => h.as('support')('POST', '/api/tickets', body);
  expect((await post({ customerId: randomUUID(), subject: 'x', description: 'y', category: 'other' })).status).toBe(400);
  expect((await post({ customerId, subject: ' ', description: 'y', category: 'other' })).status).toBe(400);
  expect((await post({ customerId, subject: 'a\u0000b', description: 'y', category: 'other' })).status).toBe(400);
  expect((await post({ customerId, subject: 'a', description: '\ud800', category: 'other' })).status).toBe(400);
  expect((await post({ customerId, subject: 'a', description: 'b', category: 'Other Things' })).status).toBe(400);
  const raised = await post({ customerId, subject: 'Spam?', description: 'Buy now', category: 'other', priority: 'low' });
  expect(raised.status).toBe(201);
  const t = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: raised.body.journeyId } }), Boolean);
  expect((await h.as('support')('POST', `/api/tickets/${t!.id}/close`, { as: 'duplicate' })).status).toBe(400);
  expect((await h.as('support')('POST', `/api/tickets/${t!.id}/replies`, { id: 'not-a-uuid', body: 'x' })).status).toBe(400);
  expect((await h.as('support')('GET', `/api/tickets/${randomUUID()}`)).status).toBe(404);
  expect((await h.as('support')('GET', '/api/tickets/not-an-id')).status).toBe(404);
  const link = await ticketLinkOf(raised.body.journeyId);
  expect((await request(h.baseUrl, 'GET', link.replace('/tickets/', '/invoices/'))).status).toBe(404);
  expect((await request(h.baseUrl, 'GET', `${link}x`)).status).toBe(404);
  const spam = await h.as('support')('POST', `/api/tickets/${t!.id}/close`, { as: 'spam', reason: 'Advert' });
  expect(spam).toMatchObject({ status: 200, body: { status: 'closed' } });
  await expect(h.env.client.workflow.getHandle(raised.body.journeyId).result()).resolves.toMatchObject({ status: 'COMPLETED', stage: 'closed' });
  expect(await h.db.supportTicket.findUniqueOrThrow({ where: { id: t!.id } })).toMatchObject({ closeReason: 'spam', resolutionMinutes: null, firstResponseMinutes: null });
});

it("gives a client a help link in every email, where they see their tickets and raise one, once per form", async () => {
  const client = await h.db.customer.create({ data: { companyName: 'Helped Ltd', contactName: 'Hal Help', email: `hal-${randomUUID()}@help.test`, clientSince: new Date() } });
  // Staff raise one for them with an Idempotency-Key, twice at once: one ticket.
  const body = { customerId: client.id, subject: 'Set-up call', description: 'Please call us', category: 'question' };
  const key = { 'idempotency-key': `staff-${randomUUID()}` };
  const both = await Promise.all([0, 1].map(() => request(h.baseUrl, 'POST', '/api/tickets', body, h.users.support.token, key)));
  expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
  expect(both[0]!.body.journeyId).toBe(both[1]!.body.journeyId);
  const received = await eventually(() => h.db.email.findFirst({ where: { key: `${both[0]!.body.journeyId}:received` } }), Boolean);
  const help = new URL(received!.text.match(/https?:\/\/\S+\/customer\/help\/\S+/)![0]).pathname;

  const page = await request(h.baseUrl, 'GET', help);
  expect(page.status).toBe(200);
  expect(page.body.tickets).toEqual([expect.objectContaining({ subject: 'Set-up call', url: expect.stringMatching(/^\/customer\/tickets\//) })]);
  expect((await request(h.baseUrl, 'GET', page.body.tickets[0].url)).body.subject).toBe('Set-up call');

  const form = { subject: 'Invoice question', description: 'Why two lines?', category: 'billing', priority: 'low', nonce: `form-${randomUUID()}` };
  const first = await request(h.baseUrl, 'POST', help, form);
  const again = await request(h.baseUrl, 'POST', help, form);
  expect([first.status, again.status]).toEqual([201, 200]);
  expect(again.body.journeyId).toBe(first.body.journeyId);
  const raised = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: first.body.journeyId } }), Boolean);
  expect(raised).toMatchObject({ queue: 'billing', priority: 'low', channel: 'customer-link', raisedBy: 'customer' });
  expect(await h.db.supportTicket.count({ where: { customerId: client.id } })).toBe(2);

  // Articles first: one that answers it is a deflection, and no ticket is raised.
  const article = await h.db.knowledgeArticle.create({ data: { title: 'Why an invoice has two lines', body: 'Each invoice lists the milestone and its change orders as separate lines.', category: 'billing', published: true, createdBy: h.users.support.id, updatedBy: h.users.support.id } });
  const asked = { subject: 'Two lines on my invoice', description: 'Why does the invoice have two lines?', category: 'billing', nonce: `form-${randomUUID()}` };
  const suggested = await request(h.baseUrl, 'POST', help, { ...asked, step: 'suggest' });
  expect(suggested.status).toBe(200);
  expect(suggested.body.suggestions.map((a: { id: string }) => a.id)).toContain(article.id);
  const deflected = await request(h.baseUrl, 'POST', help, { ...asked, step: 'deflected', articleId: article.id });
  expect(deflected).toMatchObject({ status: 200, body: { deflected: true } });
  expect((await request(h.baseUrl, 'POST', help, { ...asked, step: 'deflected', articleId: article.id })).status).toBe(200);
  expect(await h.db.supportDeflection.count({ where: { customerId: client.id } })).toBe(1);
  expect(await h.db.supportTicket.count({ where: { customerId: client.id } })).toBe(2);
  expect((await request(h.baseUrl, 'GET', `${help}/articles/${article.id}`)).body.title).toBe(article.title);
  expect((await request(h.baseUrl, 'POST', help, { ...asked, nonce: `form-${randomUUID()}`, step: 'deflected', articleId: randomUUID() })).status).toBe(400);

  expect((await request(h.baseUrl, 'POST', help, { ...form, nonce: `form-${randomUUID()}`, projectId: randomUUID() })).status).toBe(400);
  expect((await request(h.baseUrl, 'POST', help, { ...form, nonce: `form-${randomUUID()}`, category: 'spam' })).status).toBe(400);
  expect((await request(h.baseUrl, 'GET', help.replace('/help/', '/tickets/'))).status).toBe(404);
});

it('keeps files on a ticket: type proved by the bytes, size limited, downloaded as attachments, none once closed', async () => {
  const customerId = await aCustomer();
  const raised = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'Screenshot', description: 'See attached', category: 'technical' });
  const t = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: raised.body.journeyId } }), Boolean);
  const link = await ticketLinkOf(raised.body.journeyId);
  const upload = (path: string, name: string, bytes: Buffer, token?: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return fetch(h.baseUrl + path, { method: 'POST', body: form, headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) } });
  };
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);

  const staff = await upload(`/api/tickets/${t!.id}/attachments`, '../../etc/screen|shot.png', png, h.users.support.token);
  expect(staff.status).toBe(201);
  const stored = (await staff.json()) as { id: string };
  expect(stored).toMatchObject({ filename: 'screenshot.png', contentType: 'image/png', size: 108 });
  const customer = await upload(`${link}/attachments`, 'log.txt', Buffer.from('line one\nline two\n'), undefined);
  expect(customer.status).toBe(201);

  // Not files we keep: an executable, HTML, nothing at all; too big; not multipart.
  expect((await upload(`${link}/attachments`, 'setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(50, 0)]))).status).toBe(400);
  expect((await upload(`${link}/attachments`, 'page.txt', Buffer.from('<script>alert(1)</script>'))).status).toBe(400);
  expect((await upload(`${link}/attachments`, 'empty.png', Buffer.alloc(0))).status).toBe(400);
  expect((await upload(`${link}/attachments`, 'big.png', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]))).status).toBe(413);
  expect((await request(h.baseUrl, 'POST', `${link}/attachments`, { file: 'x' })).status).toBe(415);

  const download = await fetch(`${h.baseUrl}${link}/attachments/${stored.id}`);
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('image/png');
  expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="screenshot.png"/);
  expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
  const detail = await h.as('support')('GET', `/api/tickets/${t!.id}`);
  expect(detail.body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['screenshot.png', 'log.txt']);
  expect(detail.body.attachments[0].data).toBeUndefined();

  // Another ticket's link cannot reach this file.
  const other = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'Other', description: 'Other', category: 'other' });
  const otherLink = await ticketLinkOf(other.body.journeyId);
  expect((await fetch(`${h.baseUrl}${otherLink}/attachments/${stored.id}`)).status).toBe(404);

  // Closed as a duplicate of the other ticket: that one carries a note with its words.
  const otherRow = await h.db.supportTicket.findUniqueOrThrow({ where: { journeyId: other.body.journeyId } });
  expect((await h.as('support')('POST', `/api/tickets/${t!.id}/close`, { as: 'duplicate', mergeInto: otherRow.id, reason: 'Same problem' })).status).toBe(200);
  const merged = await eventually(() => h.db.supportTicket.findUniqueOrThrow({ where: { id: t!.id } }), (r) => r.closedAt !== null);
  expect(merged).toMatchObject({ closeReason: 'duplicate', mergedIntoId: otherRow.id });
  const notes = (await h.as('support')('GET', `/api/tickets/${otherRow.id}`)).body.messages;
  expect(notes).toEqual([expect.objectContaining({ internal: true, author: 'system', body: expect.stringContaining('See attached') })]);
  expect((await request(h.baseUrl, 'GET', otherLink)).body.messages).toEqual([]);

  await eventually(() => h.db.supportTicket.findUniqueOrThrow({ where: { id: t!.id } }), (r) => r.status === 'closed');
  expect((await upload(`${link}/attachments`, 'late.png', png)).status).toBe(409);
});

it("bills the time on a ticket outside its project's warranty when it closes, and refuses time once closed", async () => {
  const customerId = await aCustomer();
  const acquisitionId = `journey:${customerId}:acquisition:1`;
  // A project signed off 200 days ago, its warranty (60 days by default) long over.
  const quote = await h.db.quote.create({
    data: { journeyId: acquisitionId, customerId, version: 1, status: 'APPROVED', currency: 'EUR', subtotalMinor: 100_000, totalMinor: 100_000 },
  });
  const signedOffAt = new Date(Date.now() - 200 * 86_400_000);
  const project = await h.db.project.create({ data: { journeyId: acquisitionId, customerId, quoteId: quote.id, name: 'Storefront', signedOffAt } });
  const raised = await h.as('support')('POST', '/api/tickets', { customerId, projectId: project.id, subject: 'Export broken', description: 'The CSV export is empty.', category: 'technical' });
  expect(raised.status).toBe(201);
  const row = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: raised.body.journeyId } }), Boolean);
  expect(row).toMatchObject({ billable: true, warrantyEndsAt: new Date(signedOffAt.getTime() + 60 * 86_400_000) });
  // The customer was told before any work that the time is billable.
  const received = await eventually(() => h.db.email.findFirst({ where: { key: `${raised.body.journeyId}:received` } }), Boolean);
  expect(received!.text).toContain('billable');

  const time = (body: object, key?: string) =>
    request(h.baseUrl, 'POST', `/api/tickets/${row!.id}/time-entries`, body, h.users.support.token, key ? { 'Idempotency-Key': key } : {});
  const first = { date: '2026-11-30', hours: 1.5, rateMinor: 12_000, description: 'Found the empty export' };
  const [a, b] = await Promise.all([time(first, 'time-1'), time(first, 'time-1')]);
  expect([a.status, b.status].sort()).toEqual([200, 201]);
  expect(a.body.id).toBe(b.body.id);
  expect(a.body).toMatchObject({ ticketId: row!.id, projectId: project.id, milestoneId: null, minutes: 90 });
  expect((await time({ date: '2026-12-01', hours: 0.25, rateMinor: 12_000, description: 'Checked the fix with them' })).status).toBe(201);
  expect((await time({ ...first, hours: 0.3 })).status).toBe(400);
  expect((await time({ ...first, milestoneId: randomUUID() })).status).toBe(400);
  expect((await h.as('sales')('POST', `/api/tickets/${row!.id}/time-entries`, first)).status).toBe(403);

  await h.as('support')('POST', `/api/tickets/${row!.id}/replies`, { id: randomUUID(), body: 'Fixed: the export has its rows again.', then: 'resolved' });
  const link = await ticketLinkOf(raised.body.journeyId);
  expect((await request(h.baseUrl, 'POST', link, { confirmResolved: true, nonce: 'confirm-billed-1' })).status).toBe(200);

  // 1:30 h and 0:15 h at €120.00/h: €180.00 + €30.00 = €210.00, no tax for a customer of no country.
  const invoice = await eventually(() => h.db.invoice.findFirst({ where: { ticketId: row!.id }, include: { lines: { orderBy: { position: 'asc' } } } }), Boolean, 30_000);
  expect(invoice).toMatchObject({ kind: 'support', currency: 'EUR', subtotalMinor: 21_000, taxMinor: 0, totalMinor: 21_000, projectId: project.id, milestoneId: null });
  expect(invoice!.number).toBe(`INV-${customerId.slice(0, 8).toUpperCase()}-T${row!.number}`);
  expect(invoice!.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
    ['time', 18_000],
    ['time', 3_000],
  ]);
  expect(invoice!.lines[0]!.description).toBe('Time 2026-11-30: Found the empty export (1:30 h at €120.00/h)');
  expect(await h.db.timeEntry.count({ where: { ticketId: row!.id, invoiceId: invoice!.id } })).toBe(2);
  // Its billing journey hangs under the ticket's, and the invoice goes out by email.
  expect(await h.db.journey.findUniqueOrThrow({ where: { id: invoice!.journeyId } })).toMatchObject({ kind: 'billing', parentJourneyId: raised.body.journeyId });
  await eventually(() => h.db.email.count({ where: { key: `${invoice!.journeyId}:invoice` } }), (n) => n === 1);
  expect((await h.as('support')('GET', `/api/tickets/${row!.id}`)).body).toMatchObject({
    invoice: { number: invoice!.number, totalMinor: 21_000, currency: 'EUR' },
    project: { id: project.id, currency: 'EUR' },
    timeEntries: [{ minutes: 90 }, { minutes: 15 }],
  });
  // Closed: no more time on it; a ticket about no project takes none either.
  expect((await time(first)).status).toBe(409);
  const general = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'A question', description: 'How do I export?', category: 'question' });
  const generalRow = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: general.body.journeyId } }), Boolean);
  expect(generalRow!.billable).toBe(false);
  expect((await h.as('support')('POST', `/api/tickets/${generalRow!.id}/time-entries`, first)).status).toBe(409);
  // A ticket's page has the customer's context: their other tickets and latest invoices.
  expect((await h.as('support')('GET', `/api/tickets/${generalRow!.id}`)).body).toMatchObject({
    otherTickets: [{ id: row!.id, number: row!.number, subject: 'Export broken', status: 'closed' }],
    recentInvoices: [{ number: invoice!.number, totalMinor: 21_000, paidMinor: 0, currency: 'EUR', status: 'OPEN' }],
  });
  // The customer's page lists the project a ticket may be about.
  expect((await h.as('support')('GET', `/api/customers/${customerId}`)).body.projects).toEqual([
    { id: project.id, name: 'Storefront', signedOffAt: signedOffAt.toISOString(), createdAt: expect.any(String) },
  ]);
});
