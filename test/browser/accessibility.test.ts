// axe-core over the pages people work in, on the real stack, at desktop and phone widths and in
// dark mode: the dashboard, inbox, a task, a journey, invoices, a customer, and a customer's own
// pages (the proposal, the contract, the deposit, their help page and a ticket). No critical or serious violation (WCAG 2.1 A and AA rules) is allowed.
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { createLinkToken } from '../../platform/customer-links';
import { eventually, request } from '../support/http';
import { approveReview, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';
import { PHONE, axeViolations, blocking, logIn, openApp, startBrowserStack, uniqueCompany } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

async function check(page: Page, name: string) {
  // MUI fades colours in over 250 ms (a button enabled once the list's total is in): axe measures
  // contrast as drawn, so it waits for the page to settle first.
  await page.waitForTimeout(600);
  const found = blocking(await axeViolations(page));
  return { page: name, violations: found };
}

it('finds no critical or serious violation on the pages staff work in, nor on a customer page', async () => {
  const drive = journeyDriver(h);
  const companyName = uniqueCompany('Lumen Lighting');
  const { journeyId } = await drive.qualifiedLead({ companyName });
  await drive.complete('sales', journeyId, 'prepare-quote', quoteDraft);
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId, status: 'OPEN' } }), Boolean);
  const customerId = (await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } })).customerId;

  // Overdue: the inbox draws its due chip in the error colour (dark mode's had white on red at 3.7:1).
  await h.db.task.update({ where: { id: task!.id }, data: { dueAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000) } });
  // An unread notification: the bell shows its count.
  await h.db.notification.create({ data: { key: `a11y:${journeyId}`, recipientUserId: h.users.manager.id, kind: 'task_escalated', title: 'An unread notification', journeyId } });
  const results = [];
  for (const [viewport, scheme] of [[{ width: 1440, height: 900 }, 'light'], [PHONE, 'dark']] as const) {
    const page = await openApp(browser, h.baseUrl, '/', viewport);
    await page.emulateMedia({ colorScheme: scheme });
    results.push(await check(page, `login ${scheme}`));
    await logIn(page, 'manager');
    results.push(await check(page, `dashboard ${scheme}`));
    for (const [name, path, ready] of [
      ['inbox', '/#/tasks', async () => {
        // All open: rows, each with its selection checkbox (a manager's bulk actions).
        await page.getByRole('tab', { name: /All open/ }).click();
        // Any row: in the run's shared database this file's task may be on a later page. On a
        // phone the rows are a compact list, without selection.
        const row = viewport === PHONE ? page.getByTestId('compact-list').getByRole('link') : page.getByRole('checkbox', { name: 'Select this row' });
        await row.first().waitFor();
      }],
      ['task', `/#/tasks/${task!.id}/show`, () => page.getByRole('heading', { name: task!.title, exact: true }).waitFor()],
      ['journey', `/#/journeys/${encodeURIComponent(journeyId)}/show`, () => page.getByTestId('journey-stage').waitFor()],
      ['invoices', '/#/invoices', () => page.waitForLoadState('networkidle')],
      ['customer', `/#/customers/${customerId}/show`, () => page.getByRole('heading', { name: companyName }).first().waitFor()],
    ] as const) {
      await page.goto(path);
      await ready();
      results.push(await check(page, `${name} ${scheme}`));
    }
    await page.context().close();
  }

  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);
  const proposal = await openApp(browser, h.baseUrl, await drive.quoteLink(journeyId, 1), PHONE);
  await proposal.getByRole('heading', { name: `Proposal v1 for ${companyName}` }).waitFor();
  results.push(await check(proposal, 'customer proposal'));

  // The customer's other pages, each through the link its email carries, on a phone: the contract
  // to sign, the deposit to pay, then as a client their help page and a ticket of theirs.
  const customerPage = async (name: string, path: string) => {
    const page = await openApp(browser, h.baseUrl, path, PHONE);
    await page.locator('h1').first().waitFor();
    results.push(await check(page, name));
    await page.context().close();
  };
  expect((await request(h.baseUrl, 'POST', await drive.quoteLink(journeyId, 1), { decision: 'approve' })).status).toBe(200);
  await customerPage('customer contract', await drive.emailedLink(journeyId, 'contract:'));
  expect((await request(h.baseUrl, 'POST', await drive.emailedLink(journeyId, 'contract:'), { decision: 'sign' })).status).toBe(200);
  await customerPage('customer deposit', await drive.emailedLink(journeyId, 'deposit:'));
  const help = createLinkToken(h.config.auth.secret, { purpose: 'support-help', journeyId: `customer:${customerId}`, subject: customerId, exp: Date.now() + 60_000 });
  await customerPage('customer help', `/customer/help/${help}`);
  const raised = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'Dimmer flickers', description: 'The hall dimmer flickers at 20%.', category: 'technical', priority: 'normal' });
  await customerPage('customer ticket', await drive.emailedLink(raised.body.journeyId, 'received'));

  expect(results.filter((r) => r.violations.length)).toEqual([]);
});
