// Support in the browser, on the real stack with SLA targets of minutes on a calendar that is open
// around the clock (so clocks run, warn and breach while the test watches): tickets raised through
// the API show in the inbox with a chip per clock, nearest breach first; an agent opens one, adds
// an internal note, replies (a double click sends one message; the draft survives a reload) and
// marks it resolved; two tickets are assigned in bulk (one audit event each); the breached and
// warned clocks turn red and amber; a ticket is raised from the customer's page. Desktop and phone.
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { lead } from '../support/fixtures';
import { startBrowserStack, logIn, openApp, screenshot, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
const minutes = (firstResponse: number, nextResponse: number, resolution: number) => ({ firstResponse, nextResponse, resolution });
startBrowserStack((started) => ({ h, browser } = started), {
  env: {
    SUPPORT_HOURS: JSON.stringify({ timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59', holidays: [] }),
    SUPPORT_SLA: JSON.stringify({ urgent: minutes(1, 60, 2), high: minutes(4, 60, 600), normal: minutes(480, 960, 2400), low: minutes(960, 1440, 4800) }),
  },
});

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function aCustomer(companyName: string) {
  const res = await h.as('anonymous')('POST', '/api/leads', lead({ companyName, contactName: 'Cara Client' }));
  expect(res.status).toBe(201);
  await eventually(() => h.db.customer.findUnique({ where: { id: res.body.customerId } }), Boolean);
  return res.body.customerId as string;
}

async function raise(customerId: string, subject: string, priority: string) {
  const res = await h.as('support')('POST', '/api/tickets', { customerId, subject, description: `${subject}: please help, it has been like this since Monday.`, category: 'technical', priority });
  expect(res.status).toBe(201);
  return eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: res.body.journeyId } }), Boolean).then((t) => t!);
}

/** A ticket's row, by its number too: other suites' fuzzers may raise tickets with the same subject for the same customer. */
const row = (page: Page, ticket: { number: number; subject: string }) => page.getByRole('row').filter({ hasText: ticket.subject }).filter({ hasText: `T-${ticket.number} ·` });

it('works tickets from the inbox to resolved, in bulk too, with the clocks shown as they run', async () => {
  const company = uniqueCompany('Harbour Hotels');
  const customerId = await aCustomer(company);
  // Urgent: first response breaches after a minute, resolution after two. High: a warning at 3 minutes, the breach at 4.
  const urgent = await raise(customerId, 'Booking engine down', 'urgent');
  const high = await raise(customerId, 'Slow search results', 'high');
  const normal = await raise(customerId, 'Invoice address wrong', 'normal');

  const page = await openApp(browser, h.baseUrl);
  await page.setViewportSize(DESKTOP);
  await logIn(page, 'support');
  await page.getByRole('menuitem', { name: 'Support' }).click();
  await row(page, normal).waitFor();
  // Nearest breach first: the urgent ticket's first response is due before the others'.
  const rows = await page.getByRole('row').allInnerTexts();
  const ours = rows.flatMap((text) => [urgent, high, normal].filter((t) => text.includes(`T-${t.number} ·`)).map((t) => t.subject));
  expect(ours).toEqual(['Booking engine down', 'Slow search results', 'Invoice address wrong']);
  await row(page, normal).locator('[data-clock="firstResponse"]').filter({ hasText: /^First response · (7|8) h( \d+ min)? left$/ }).waitFor();
  await screenshot(page, 'support-01-inbox');

  // The ticket page: the conversation opens with what the customer wrote; three clocks, the next response not started.
  await row(page, normal).getByText(normal.subject).click();
  await page.getByRole('heading', { level: 1, name: `T-${normal.number} ${normal.subject}` }).waitFor();
  await page.locator('[data-message-kind="customer"]').filter({ hasText: 'since Monday' }).waitFor();
  await page.getByTestId('clock-nextResponse').getByText('Starts when the customer writes back').waitFor();

  // An internal note: staff only, and it looks it.
  await page.getByLabel('Internal note').check();
  await page.getByLabel(/Note for colleagues/).fill('Their billing contact changed last month; check the CRM.');
  await page.getByRole('button', { name: 'Add internal note' }).click();
  await page.locator('[data-message-kind="note"]').filter({ hasText: 'check the CRM' }).waitFor();
  await page.getByLabel('Internal note').uncheck();

  // A reply begun, the page reloaded: the draft is still there. A double click sends it once.
  const reply = 'We have corrected the address; the next invoice will carry it. Could you confirm it reads right?';
  await page.getByLabel(/Reply on T-/).fill(reply);
  await page.reload();
  await page.getByLabel(/Reply on T-/).waitFor({ timeout: 90_000 });
  expect(await page.getByLabel(/Reply on T-/).inputValue()).toBe(reply);
  await page.getByRole('button', { name: 'Send and wait on customer' }).dblclick();
  await page.locator('[data-message-kind="agent"]').filter({ hasText: 'next invoice will carry it' }).waitFor();
  await page.getByText('waiting on customer', { exact: true }).waitFor();
  await page.getByTestId('clock-firstResponse').locator('[data-tone="met"]').waitFor();
  await screenshot(page, 'support-02-ticket-replied');
  expect(await h.db.ticketMessage.count({ where: { ticketId: normal.id, internal: false, author: h.users.support.id } })).toBe(1);
  expect(await h.db.ticketMessage.count({ where: { ticketId: normal.id, internal: true } })).toBe(1);

  // Resolved: the resolution clock stops while the customer is asked to confirm.
  await page.getByLabel(/Reply on T-/).fill('Done on our side: closing this once you confirm.');
  await page.getByRole('button', { name: 'Send and mark resolved' }).click();
  await page.getByText(/Reply sent and the ticket marked resolved/).waitFor();
  await page.getByTestId('clock-resolution').locator('[data-tone="paused"]').filter({ hasText: 'paused · resolved' }).waitFor();
  await screenshot(page, 'support-03-ticket-resolved');
  await eventually(() => h.db.supportTicket.findUniqueOrThrow({ where: { id: normal.id } }), (t) => t.status === 'resolved');
  await page.evaluate('getSelection().removeAllRanges()'); // the double click selected a word
  await page.setViewportSize(PHONE);
  await screenshot(page, 'support-04-ticket-phone');
  expect(await widerThanScreen(page)).toEqual([]);
  await page.setViewportSize(DESKTOP);

  // Bulk: the two others assigned to Sue, one request (and one event) each.
  await page.getByRole('menuitem', { name: 'Support' }).click();
  await row(page, urgent).getByRole('checkbox').check();
  await row(page, high).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Assign' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Assignee').click();
  await page.getByRole('option', { name: 'Sue Support' }).click();
  await dialog.getByLabel('Reason').fill('Sue knows their booking set-up');
  await screenshot(page, 'support-05-bulk-assign', { fullPage: false });
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await page.getByText('2 tickets assigned').waitFor();
  for (const t of [urgent, high]) {
    expect(await h.db.supportTicket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ assigneeId: h.users.support.id });
    expect(await h.db.journeyEvent.count({ where: { journeyId: t.journeyId, type: 'ticket_triaged' } })).toBe(1);
  }

  // The clocks as they run out: red once breached (the urgent first response), amber from 75% (the high one).
  await row(page, urgent).locator('[data-clock="firstResponse"][data-tone="breached"]').filter({ hasText: /breached \d+ min ago/ }).waitFor({ timeout: 150_000 });
  await row(page, high).locator('[data-clock="firstResponse"][data-tone="warning"]').waitFor({ timeout: 150_000 });
  await screenshot(page, 'support-06-inbox-breached');
  await page.getByRole('tab', { name: /Breached/ }).click();
  await row(page, urgent).waitFor();
  await page.getByRole('tab', { name: /Open/ }).click();
  await page.setViewportSize(PHONE);
  await page.getByText(urgent.subject).first().waitFor();
  await screenshot(page, 'support-07-inbox-phone');
  expect(await widerThanScreen(page)).toEqual([]);
  await page.setViewportSize(DESKTOP);

  // From the customer's page: a ticket raised in a dialog opens on its own page.
  await page.goto(`/#/customers/${customerId}/show`);
  await page.getByRole('button', { name: 'Raise a ticket' }).click();
  const raiseDialog = page.getByRole('dialog');
  await raiseDialog.getByLabel('Subject').fill('New staff need logins');
  await raiseDialog.getByLabel('What the customer needs').fill('Three new receptionists start on Monday.');
  await screenshot(page, 'support-08-raise-from-customer', { fullPage: false });
  await raiseDialog.getByRole('button', { name: 'Raise ticket' }).click();
  await page.getByRole('heading', { level: 1, name: /T-\d+ New staff need logins/ }).waitFor();
  expect(await h.db.supportTicket.count({ where: { customerId, subject: 'New staff need logins', channel: 'staff' } })).toBe(1);
}, 420_000);

it("raises a ticket about a project past its warranty, records billable time on it, and shows its files and the customer's context", async () => {
  const company = uniqueCompany('Fjord Ferries');
  const customerId = await aCustomer(company);
  const acquisitionId = `journey:${customerId}:acquisition:1`;
  const quote = await h.db.quote.create({ data: { journeyId: acquisitionId, customerId, version: 1, status: 'APPROVED', currency: 'EUR', subtotalMinor: 100_000, totalMinor: 100_000 } });
  await h.db.project.create({ data: { journeyId: acquisitionId, customerId, quoteId: quote.id, name: 'Booking site', signedOffAt: new Date(Date.now() - 365 * 86_400_000) } });
  const earlier = await raise(customerId, 'Password reset', 'low');

  const page = await openApp(browser, h.baseUrl);
  await page.setViewportSize(DESKTOP);
  await logIn(page, 'support');
  await page.goto(`/#/customers/${customerId}/show`);
  await page.getByRole('button', { name: 'Raise a ticket' }).click();
  const raiseDialog = page.getByRole('dialog');
  await raiseDialog.getByLabel('Subject').fill('Timetable import fails');
  await raiseDialog.getByLabel('What the customer needs').fill('The winter timetable CSV is refused.');
  await raiseDialog.getByLabel('Project').click();
  await page.getByRole('option', { name: /^Booking site · signed off/ }).click();
  await raiseDialog.getByRole('button', { name: 'Raise ticket' }).click();
  await page.getByRole('heading', { level: 1, name: /T-\d+ Timetable import fails/ }).waitFor();
  const ticket = await h.db.supportTicket.findFirstOrThrow({ where: { customerId, subject: 'Timetable import fails' } });
  expect(ticket).toMatchObject({ billable: true, channel: 'staff' });
  await page.getByText('billable', { exact: true }).waitFor();

  const form = new FormData();
  form.append('file', new Blob([new TextEncoder().encode('route,departs\nBergen,07:15\n')]), 'winter-timetable.csv');
  const uploaded = await fetch(`${h.baseUrl}/api/tickets/${ticket.id}/attachments`, { method: 'POST', body: form, headers: { accept: 'application/json', authorization: `Bearer ${h.users.support.token}` } });
  expect(uploaded.status).toBe(201);
  await page.reload();
  await page.getByRole('link', { name: 'winter-timetable.csv' }).waitFor();
  await page.getByText(/^27 bytes · from Sue Support/).waitFor();
  // The customer's other ticket, beside this one.
  await page.getByRole('link', { name: `T-${earlier.number} Password reset` }).waitFor();

  // 1.5 h at €120.50 an hour, typed in euros: €180.75, shown before it is sent.
  await page.getByRole('button', { name: 'Record time' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Outside the warranty: billed on an invoice of its own when the ticket closes.').waitFor();
  await dialog.getByLabel('Hours').fill('1.5');
  await dialog.getByLabel('Rate per hour').fill('120.50');
  await dialog.getByLabel('What was done').fill('Found a stray BOM in the CSV header');
  await dialog.getByText('€180.75 for this entry').waitFor();
  await screenshot(page, 'support-09-record-time', { fullPage: false });
  await dialog.getByRole('button', { name: 'Record' }).dblclick();
  await page.getByText('Time recorded', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Time · 1.5 h, €180.75' }).waitFor();
  expect(await h.db.timeEntry.findMany({ where: { ticketId: ticket.id }, select: { minutes: true, rateMinor: true } })).toEqual([{ minutes: 90, rateMinor: 12_050 }]);
  await screenshot(page, 'support-10-ticket-time-files');
  await page.setViewportSize(PHONE);
  await screenshot(page, 'support-11-ticket-time-phone');
  expect(await widerThanScreen(page)).toEqual([]);
}, 180_000);
