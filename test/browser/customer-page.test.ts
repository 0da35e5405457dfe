// A customer answers their proposal on the page their emailed link opens, in chromium, on the real
// stack: the page generated from the decision's form renders styled under its Content-Security-
// Policy (its inline style allowed by hash, no script), and its Approve button answers it.
import type { Browser } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { approveReview, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';
import { startBrowserStack, openApp, screenshot, uniqueCompany } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

it('shows the proposal styled under its CSP and takes the approval', async () => {
  const drive = journeyDriver(h);
  const companyName = uniqueCompany('Harbour Optics');
  const { journeyId } = await drive.qualifiedLead({ companyName });
  await drive.complete('sales', journeyId, 'prepare-quote', quoteDraft);
  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);

  const page = await openApp(browser, h.baseUrl, await drive.quoteLink(journeyId, 1));
  await page.getByRole('heading', { name: `Proposal v1 for ${companyName}` }).waitFor();
  // The page's own style sheet applied (the CSP allows it by its hash): its body is 46rem wide at most.
  expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('736px');
  await screenshot(page, 'customer-01-proposal');

  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await screenshot(page, 'customer-02-approved');
  await eventually(() => h.db.quote.findFirst({ where: { journeyId, version: 1 } }), (q) => q?.status === 'APPROVED');
});
