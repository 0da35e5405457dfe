// The quote form as a salesperson fills it in: prices typed in the quote's currency with its
// decimals (never in cents), each line's total and the quote's total shown as they type, and the
// API given integer minor units. Then the deal on the journey page once the customer has approved
// and signed: the quote's version with its lines and totals, the contract signed with its document.
// Expected figures worked out by hand.
import type { Browser } from 'playwright-core';
import type { Harness } from '../support/harness';
import { approveReview } from '../support/fixtures';
import { eventually, request } from '../support/http';
import { journeyDriver } from '../support/journey-driver';
import { PHONE, startBrowserStack, logIn, openApp, screenshot, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

it('takes prices in the currency and shows line and quote totals as they are typed', async () => {
  const drive = journeyDriver(h);
  const { journeyId } = await drive.qualifiedLead({ companyName: uniqueCompany('Quote Co') });
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

  // Reviewed, approved by the customer and signed: the journey page shows the deal.
  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);
  expect((await request(h.baseUrl, 'POST', await drive.quoteLink(journeyId, 1), { decision: 'approve' })).status).toBe(200);
  // The contract goes out once the quote is approved.
  expect((await request(h.baseUrl, 'POST', await drive.emailedLink(journeyId, 'contract:'), { decision: 'sign' })).status).toBe(200);
  await eventually(() => h.db.contract.findFirst({ where: { journeyId } }), (c) => c?.status === 'SIGNED', 30_000);
  await page.goto(`/#/journeys/${encodeURIComponent(journeyId)}/show`);
  const quote = page.locator('.MuiCard-root', { has: page.getByRole('heading', { name: 'Quote', exact: true }) });
  await quote.getByText('Version 1').waitFor();
  await quote.getByText('approved', { exact: true }).waitFor();
  const quoteLines = quote.getByRole('table', { name: 'Lines of version 1' });
  await quoteLines.getByRole('row', { name: /Design sprints 3 €1,250\.50 €3,751\.50/ }).waitFor();
  await quoteLines.getByRole('row', { name: /Hosting set-up 1 €99\.99 €99\.99/ }).waitFor();
  await quoteLines.getByRole('row', { name: /Total €3,851\.49/ }).waitFor();
  await quote.getByText('30% on signature').waitFor();
  const contract = page.locator('.MuiCard-root', { has: page.getByRole('heading', { name: 'Contract', exact: true }) });
  await contract.getByText('signed', { exact: true }).waitFor();
  await contract.getByText('Version 1 of the quote').waitFor();
  const download = contract.getByRole('link', { name: 'Download the contract' });
  const pdf = await page.request.get(`${h.baseUrl}${await download.getAttribute('href')}`);
  expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
  await screenshot(page, 'quote-02-the-deal-on-the-journey');
  // On a phone: nothing wider than the screen (the lines scroll sideways in their own box).
  const phone = await openApp(browser, h.baseUrl, '/', PHONE);
  await logIn(phone, 'sales');
  await phone.goto(`/#/journeys/${encodeURIComponent(journeyId)}/show`);
  const onPhone = phone.locator('.MuiCard-root', { has: phone.getByRole('heading', { name: 'Quote', exact: true }) });
  await onPhone.getByText('Version 1').waitFor();
  await onPhone.scrollIntoViewIfNeeded();
  await screenshot(phone, 'quote-03-the-deal-on-a-phone', { fullPage: false });
  expect(await widerThanScreen(phone)).toEqual([]);
});
