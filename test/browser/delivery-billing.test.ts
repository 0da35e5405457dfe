// A project in delivery, seen in the browser on the real stack: driven through the API to its first
// milestone accepted (after a revision round), a change request, time on the next milestone and a
// part payment; then a manager reads the delivery and billing journeys, finance its invoices (the
// CSV, the PDF, the rest received by bank transfer), and sales the delivery journey without
// invoices or live customer links.
// The figures are those of the three-milestone quote for a UK customer (VAT 20%).
import type { Browser, Page } from 'playwright-core';
import { threeMilestoneDraft } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { journeyDriver } from '../support/journey-driver';
import { projectReader } from '../support/projects';
import { startBrowserStack, logIn, openApp, screenshot, uniqueCompany } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

/** A titled card of the page (a SectionCard). */
const section = (page: Page, title: string) => page.locator('.MuiCard-root', { has: page.getByRole('heading', { name: title, exact: true }) });

/**
 * Opens a journey from the journeys list, narrowed to its customer as a link to that list would:
 * under CI, other files' journeys started since this one can push it off the first page of them all.
 */
async function openFromJourneys(page: Page, journeyId: string, companyName: string) {
  await page.getByRole('menuitem', { name: 'Journeys' }).click();
  await page.getByRole('tab', { name: /Running/, selected: true }).waitFor();
  const { customerId } = await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } });
  await page.goto(`/#/journeys?filter=${encodeURIComponent(JSON.stringify({ status: 'RUNNING', customerId }))}`);
  await (await row(page.locator('main'), companyName, 'Delivery')).click();
}

/** Waits for a row of `scope` holding every one of `texts`. */
async function row(scope: ReturnType<Page['locator']>, ...texts: string[]) {
  const found = texts.reduce((rows, text) => rows.filter({ hasText: text }), scope.getByRole('row'));
  await found.first().waitFor();
  return found.first();
}

async function signedIn(role: 'manager' | 'finance' | 'sales'): Promise<Page> {
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, role);
  return page;
}

it('shows a delivery journey’s milestones, change request, time and invoice, and finance’s list of what is owed', async () => {
  const drive = journeyDriver(h);
  const read = projectReader(h);
  const companyName = uniqueCompany('Harbour Hats');
  const { deliveryId, projectId } = await drive.projectInProgress({ companyName, country: 'gb' }, threeMilestoneDraft);
  const [m1, m2] = await read.milestonesOf(projectId);

  // Milestone 1: a revision round, then accepted; its invoice is 3,333.33 + VAT 666.67 − deposit share 1,000.00.
  await drive.deliverMilestone(deliveryId, 1, 1, 'request-changes', 'The logo is too small');
  await drive.deliverMilestone(deliveryId, 1, 2);
  const invoice = await read.invoiceOf(m1!.id);
  expect(invoice).toMatchObject({ totalMinor: 300_000, taxMinor: 66_667, currency: 'GBP', status: 'OPEN' });

  const cr = await h.as('pm')('POST', `/api/journeys/${encodeURIComponent(deliveryId)}/change-requests`, {
    title: 'Gift cards',
    description: 'Sell and redeem gift cards at checkout.',
    costMinor: 150_000,
    days: 5,
  });
  expect(cr).toMatchObject({ status: 201, body: { number: 1, status: 'PENDING_FINANCE' } });
  const time = await h.as('pm')('POST', '/api/time-entries', { milestoneId: m2!.id, date: '2026-12-01', hours: 2.5, rateMinor: 12_000, description: 'Payment gateway' });
  expect(time.status).toBe(201);

  // The customer pays 1,200.00 of the 3,000.00 on their invoice page, typed in the currency (the
  // balance is offered), after trying more than is owed: 1,800.00 is still owed. An amount finer
  // than a cent is refused by field.
  const payLink = await read.payLinkOf(invoice.journeyId);
  const tooFine = await request(h.baseUrl, 'POST', payLink, { amount: '12.345', nonce: 'too-fine' });
  expect(tooFine).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'amount', message: expect.stringMatching(/^Type an amount in [A-Z]{3} such as 1,250.50/) }] } } });
  const customer = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await customer.goto(`${h.baseUrl}${payLink}`);
  const amount = customer.getByLabel(/^Amount to pay now, in [A-Z]{3}/);
  expect(await amount.inputValue()).toBe('3000.00');
  // More than is owed: the invoice again, what was typed kept, the reason beside the field in money.
  await amount.fill('3,500.00');
  await customer.getByRole('button', { name: 'Pay' }).click();
  await customer.getByText(/^That is more than the .3,000\.00 left to pay: pay at most that$/).first().waitFor();
  expect(await amount.inputValue()).toBe('3,500.00');
  expect(await amount.getAttribute('aria-invalid')).toBe('true');
  await customer.getByRole('alert').getByRole('link', { name: 'Amount to pay now' }).waitFor();
  await screenshot(customer, 'billing-customer-pays-too-much');
  await amount.fill('1,200.00');
  await screenshot(customer, 'billing-customer-pays-part');
  await customer.getByRole('button', { name: 'Pay' }).click();
  await customer.getByText(/Your payment of .1,200\.00 is on its way/).waitFor();
  await customer.close();
  await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }), (i) => i.status === 'PARTIALLY_PAID');

  // The manager opens the delivery journey from the journeys list.
  const page = await signedIn('manager');
  await openFromJourneys(page, deliveryId, companyName);
  await page.getByRole('heading', { name: companyName, exact: true }).waitFor();

  const project = section(page, 'Project');
  await project.getByText('Margaret Peacock').waitFor();
  await project.getByText('active', { exact: true }).waitFor();

  const milestones = section(page, 'Milestones');
  const design = await row(milestones, 'Design', '£3,333.33', 'accepted');
  await design.getByTestId('review-round-1').filter({ hasText: 'revisions requested' }).filter({ hasText: 'The logo is too small' }).waitFor();
  await design.getByTestId('review-round-2').filter({ hasText: 'accepted' }).waitFor();
  await row(milestones, 'Build (days)', '£7,000.07', 'in progress');
  await row(milestones, 'Launch', '£1,666.67', 'planned');

  await row(section(page, 'Change requests'), 'Gift cards', '£1,500.00', '5 days', 'pending finance');
  await row(section(page, 'Time · 2.5 h, £300.00'), 'Payment gateway', '2.5', '£120.00/h', '£300.00', 'not yet');
  const invoiceRow = await row(section(page, 'Invoices'), invoice.number, 'partially paid', '£3,000.00', '£1,200.00', '£1,800.00');
  await row(section(page, 'Customer decisions'), 'changes requested', 'The logo is too small');
  // The delivery kind's declared map, every stage of it, with the journey on it: in progress now,
  // sign-off and final billing still ahead.
  const map = page.getByTestId('journey-map');
  await map.locator('[data-stage="in-progress"][data-visited="true"]').waitFor();
  const stages = await map.locator('[data-stage]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-stage')}:${e.getAttribute('data-visited')}`));
  expect(stages).toEqual(['kickoff:true', 'plan-review:true', 'in-progress:true', 'sign-off:false', 'billing:false']);
  await map.getByLabel('Path taken').getByText('In progress').waitFor();
  await screenshot(page, 'delivery-journey');

  // Its invoice row opens the billing journey, with the invoice in full.
  await invoiceRow.click();
  const statement = section(page, `Invoice ${invoice.number}`);
  await statement.waitFor();
  await row(statement, 'Milestone', 'Milestone 1: Design', '£3,333.33');
  await row(statement, 'Deposit credit', '-£1,000.00');
  await row(statement, 'Tax', '20% of £3,333.33', '£666.67');
  await row(statement, 'Total', '£3,000.00');
  await row(statement, 'succeeded', '£1,200.00');
  await section(page, 'Other invoices of the project').waitFor({ state: 'detached' });
  await screenshot(page, 'billing-journey');

  // Finance: the invoice waits in Unpaid, with what is still owed; its lines unfold in place.
  const finance = await signedIn('finance');
  await finance.getByRole('menuitem', { name: 'Invoices' }).click();
  await finance.getByRole('tab', { name: /Unpaid/, selected: true }).waitFor();
  const owed = await row(finance.locator('main'), invoice.number, companyName, 'partially paid', '£1,800.00');
  // Its lines unfold from a button named for them (react-admin's own expand icon is hidden from assistive technology).
  await owed.getByRole('button', { name: `Show lines of invoice ${invoice.number}` }).click();
  await finance.getByRole('cell', { name: 'Deposit applied' }).first().waitFor();
  await screenshot(finance, 'finance-invoices');
  // The list as CSV, as filtered (unpaid): this invoice with £1,800.00 still owed, in pounds.
  const exportLink = finance.getByRole('link', { name: 'Export CSV' });
  expect(await exportLink.getAttribute('href')).toMatch(/^\/api\/invoices\/export\?filter=.*unpaid.*&sort=/);
  const csv = await finance.request.get(`${h.baseUrl}${await exportLink.getAttribute('href')}`);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  // Subtotal, tax 666.67, total 3,000.00, paid 1,200.00, refunded 0.00, credited 0.00, balance 1,800.00.
  expect((await csv.text()).split('\r\n').find((line) => line.startsWith(`${invoice.number},`))).toMatch(/,GBP,\d+\.\d\d,666\.67,3000\.00,1200\.00,0\.00,0\.00,1800\.00,/);
  // Not overdue (other test files' invoices in the run's shared database may be): not on the Overdue tab.
  await finance.getByRole('tab', { name: /Overdue/ }).click();
  await finance.getByRole('tab', { name: /Overdue/, selected: true }).waitFor();
  // Loaded: its empty state, or the overdue invoices of others.
  await finance.locator('main').getByText(/Nothing is overdue|INV-/).first().waitFor();
  expect(await finance.locator('main').getByText(invoice.number).count()).toBe(0);
  await finance.getByRole('tab', { name: /Unpaid/ }).click();
  await (await row(finance.locator('main'), invoice.number)).getByText(companyName).click();
  const statementForFinance = section(finance, `Invoice ${invoice.number}`);
  await statementForFinance.waitFor();
  // Its PDF, and the rest received by bank transfer: the balance offered in pounds, the bank's reference typed.
  const pdfLink = statementForFinance.getByRole('link', { name: 'Download PDF' });
  expect(await pdfLink.getAttribute('href')).toBe(`/api/invoices/${invoice.id}/pdf`);
  expect((await finance.request.get(`${h.baseUrl}/api/invoices/${invoice.id}/pdf`)).headers()['content-type']).toBe('application/pdf');
  // A reminder now, beside the scheduled ones.
  await statementForFinance.getByRole('button', { name: 'Remind now' }).click();
  await finance.getByText(/^Reminder sent to nancy\+/).waitFor();
  const reminder = await eventually(() => h.db.email.findFirst({ where: { journeyId: invoice.journeyId, template: 'invoice-reminder' } }), Boolean, 30_000);
  expect(reminder!.text).toContain('£1,800.00 of £3,000.00 remains to pay');
  await statementForFinance.getByRole('button', { name: 'Record a bank transfer' }).click();
  const transfer = finance.getByRole('dialog');
  expect(await transfer.getByLabel(/Amount received/).inputValue()).toBe('1800.00');
  await transfer.getByLabel(/Bank reference/).fill('HSBC 0042 Harbour Hats');
  await screenshot(finance, 'finance-bank-transfer');
  await transfer.getByRole('button', { name: 'Record it' }).click();
  await finance.getByText('£1,800.00 recorded: the receipt goes to the customer').waitFor();
  await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }), (i) => i.status === 'PAID', 30_000);
  await finance.reload();
  await row(section(finance, `Invoice ${invoice.number}`), 'bank-transfer', 'succeeded', '£1,800.00');
  // Paid in full: nothing left to record.
  expect(await section(finance, `Invoice ${invoice.number}`).getByRole('button', { name: 'Record a bank transfer' }).count()).toBe(0);
  await screenshot(finance, 'finance-invoice-paid-by-transfer');

  // Sales may not read invoices (the API answers 403): no menu entry for them, none on the journey page.
  const sales = await signedIn('sales');
  await sales.getByRole('menuitem', { name: 'Journeys' }).waitFor();
  expect(await sales.getByRole('menuitem', { name: 'Invoices' }).count()).toBe(0);
  await openFromJourneys(sales, deliveryId, companyName);
  await section(sales, 'Milestones').waitFor();
  expect(await section(sales, 'Invoices').count()).toBe(0);
  // The customer's links in its emails are hidden from staff.
  const email = section(sales, 'Emails').locator('.MuiAccordion-root', { hasText: '/customer/decisions/[link hidden]' }).first();
  await email.locator('.MuiAccordionSummary-root').click();
  await email.getByText('/customer/decisions/[link hidden]', { exact: false }).waitFor();
  expect(await section(sales, 'Emails').getByText(/\/customer\/[a-z]+\/(?!\[link hidden\])/).count()).toBe(0);
  await screenshot(sales, 'delivery-journey-as-sales');
});

it('a PM raises a change request and records time on a milestone from the delivery journey’s page', async () => {
  const drive = journeyDriver(h);
  const companyName = uniqueCompany('Lighthouse Lenses');
  const { deliveryId, projectId } = await drive.projectInProgress({ companyName }, threeMilestoneDraft);
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'pm');
  await page.goto(`/#/journeys/${encodeURIComponent(deliveryId)}/show`);

  // A change request, typed in the project's currency.
  await section(page, 'Change requests').getByRole('button', { name: 'Raise a change request' }).click();
  const change = page.getByRole('dialog', { name: 'Raise a change request' });
  await change.getByLabel('What changes').fill('A second language');
  await change.getByLabel('Details').fill('The customer wants the site in Welsh as well.');
  await change.getByLabel('Cost').fill('1250.50');
  await change.getByText('£1,250.50').waitFor();
  await change.getByLabel('Days added').fill('5');
  await screenshot(page, 'pm-01-raise-change-request');
  await change.getByRole('button', { name: 'Raise it' }).click();
  await page.getByText('Change request raised: finance reviews it next').waitFor();
  await row(section(page, 'Change requests'), 'A second language', '£1,250.50');
  const raised = await eventually(() => h.db.changeRequest.findFirst({ where: { projectId } }), Boolean);
  expect(raised).toMatchObject({ title: 'A second language', costMinor: 125_050, days: 5, raisedBy: h.users.pm.id });

  // Time on the milestone in progress (the first, chosen for them), at a rate typed in pounds.
  await section(page, 'Time').getByRole('button', { name: 'Record time' }).click();
  const time = page.getByRole('dialog', { name: 'Record time' });
  await time.getByLabel('Milestone').getByText(/^1\. /).waitFor();
  await time.getByLabel('Hours').fill('1.5');
  await time.getByLabel('Rate per hour').fill('120');
  await time.getByText('£180.00 for this entry').waitFor();
  await time.getByLabel('What was done').fill('Translation workshop');
  await time.getByRole('button', { name: 'Record' }).click();
  await page.getByText('Time recorded', { exact: true }).waitFor();
  await section(page, 'Time · 1.5 h, £180.00').waitFor();
  await screenshot(page, 'pm-02-time-recorded');
  const [m1] = await projectReader(h).milestonesOf(projectId);
  expect(await h.db.timeEntry.findFirst({ where: { projectId } })).toMatchObject({ milestoneId: m1!.id, minutes: 90, rateMinor: 12_000, userId: h.users.pm.id });
});

it('a manager assigns the team by choosing people from the staff, or typing someone from outside', async () => {
  const drive = journeyDriver(h);
  const companyName = uniqueCompany('Juniper Joinery');
  const { journeyId } = await drive.qualifiedLead({ companyName });
  const { deliveryId } = await drive.won(journeyId);
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: deliveryId, type: 'assign-team', status: 'OPEN' } }), Boolean);

  const page = await signedIn('manager');
  await page.goto(`${h.baseUrl}/#/tasks/${task!.id}/show`);
  // The project manager from the staff list: typing narrows it, each name with its roles.
  const pm = page.getByLabel('Project manager');
  await pm.fill('Pri');
  const option = page.getByRole('option', { name: /Priya PM/ });
  await option.getByText('PM', { exact: true }).waitFor();
  await screenshot(page, 'assign-team-choose-pm');
  await option.click();
  expect(await pm.inputValue()).toBe('Priya PM');
  // The team: one of the staff, and a contractor from outside, typed.
  const addMember = page.getByRole('button', { name: 'Add' });
  await addMember.click();
  await page.getByLabel('Name').nth(0).fill('Sam');
  await page.getByRole('option', { name: /Sam Sales/ }).click();
  await page.getByLabel('Role').nth(0).fill('Analyst');
  await addMember.click();
  await page.getByLabel('Name').nth(1).fill('Rita Contractor');
  await page.getByLabel('Role').nth(1).fill('Designer');
  await screenshot(page, 'assign-team-filled');
  await page.getByRole('button', { name: 'Complete task' }).click();
  const done = await eventually(() => h.db.task.findUniqueOrThrow({ where: { id: task!.id } }), (t) => t.status === 'COMPLETED', 30_000);
  expect(done.result).toEqual({
    projectManager: 'Priya PM',
    team: [
      { name: 'Sam Sales', role: 'Analyst' },
      { name: 'Rita Contractor', role: 'Designer' },
    ],
  });
  // The kickoff goes to the PM with the team as chosen.
  const kickoff = await eventually(() => h.db.task.findFirst({ where: { journeyId: deliveryId, type: 'kickoff-meeting' } }), Boolean);
  expect(kickoff!.input).toMatchObject({ team: done.result });
});
