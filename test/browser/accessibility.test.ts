// axe-core over the pages people work in, on the real stack, at desktop and phone widths and in
// dark mode: the dashboard, inbox, a task, a journey, invoices, a customer, and a customer's own
// proposal page. No critical or serious violation (WCAG 2.1 A and AA rules) is allowed.
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
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
        // Any row: in the run's shared database this file's task may be on a later page.
        await page.getByRole('checkbox', { name: 'Select this row' }).first().waitFor();
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

  expect(results.filter((r) => r.violations.length)).toEqual([]);
});
