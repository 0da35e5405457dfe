// The quote form as a salesperson fills it in: prices typed in the quote's currency with its
// decimals (never in cents), each line's total and the quote's total shown as they type, and the
// API given integer minor units. Expected figures worked out by hand.
import type { Browser } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { journeyDriver } from '../support/journey-driver';
import { startBrowserStack, logIn, openApp, screenshot, uniqueCompany } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

it('takes prices in the currency and shows line and quote totals as they are typed', async () => {
  const { journeyId } = await journeyDriver(h).qualifiedLead({ companyName: uniqueCompany('Quote Co') });
  const task = (await eventually(() => h.db.task.findFirst({ where: { journeyId, type: 'prepare-quote', status: 'OPEN' } }), (t) => t !== null))!;
  expect((await h.as('sales')('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);

  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await page.goto(`/#/tasks/${task.id}/show`);
  await page.getByRole('button', { name: 'Complete task' }).waitFor();
  await page.getByLabel('Summary').fill('A new storefront with online ordering.');
  await page.getByLabel('Currency').click();
  await page.getByRole('option', { name: 'EUR' }).click();

  const lines = page.locator('.RaSimpleFormIterator-line');
  const addLine = page.getByRole('button', { name: 'Add' });
  await addLine.click();
  await lines.nth(0).getByLabel('Description').fill('Design sprints');
  await lines.nth(0).getByLabel('Quantity').fill('3');
  await lines.nth(0).getByLabel('Unit price').fill('1250.50');
  // 3 × €1,250.50
  await lines.nth(0).getByLabel('Line total').filter({ hasText: '€3,751.50' }).waitFor();
  await addLine.click();
  await lines.nth(1).getByLabel('Description').fill('Hosting set-up');
  await lines.nth(1).getByLabel('Quantity').fill('1');
  await lines.nth(1).getByLabel('Unit price').fill('99.99');
  // €3,751.50 + €99.99
  await page.getByTestId('list-total').filter({ hasText: 'Total €3,851.49' }).waitFor();
  await page.getByLabel('Deposit percent').fill('30');
  await page.getByLabel('Valid days').fill('14');
  await screenshot(page, 'quote-01-prices-in-currency');

  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('Task completed: the journey moves on').waitFor();
  const done = await h.db.task.findUniqueOrThrow({ where: { id: task.id } });
  expect(done.result).toMatchObject({
    currency: 'EUR',
    lineItems: [
      { description: 'Design sprints', quantity: 3, unitPriceMinor: 125_050 },
      { description: 'Hosting set-up', quantity: 1, unitPriceMinor: 9_999 },
    ],
  });
});
