// A manager reads the analytics page in the browser over the hand-worked dataset
// (test/support/analytics-dataset.ts): the funnel against its targets, cycle times, bottlenecks
// support and retention, at desktop and phone widths; a figure opens the journeys behind it. A salesperson
// has no such page.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { seedAnalyticsDataset, seedRetentionClients } from '../support/analytics-dataset';
import type { Harness } from '../support/harness';
import { logIn, openApp, screenshot, startBrowserStack } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const SEGMENT = `Analytics ${randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await seedAnalyticsDataset(h.db, SEGMENT);
  await seedRetentionClients(h.db, SEGMENT);
});

it('shows the funnel, cycle times, bottlenecks, support and retention for a period and segment', async () => {
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'manager');
  await page.getByRole('menuitem', { name: 'Analytics' }).click();
  await page.getByRole('heading', { name: 'Journey analytics' }).waitFor();
  await page.getByLabel('From').fill('2025-03-01');
  await page.getByLabel('To (before)').fill('2025-05-01');
  await page.getByLabel('Project type').fill(SEGMENT);
  // The dataset's acquisitions: 10 started, 3 running, 2 won, 5 lost; lead → proposal 6 of 10, above its band.
  await page.getByTestId('funnel-totals').filter({ hasText: '10 started · 3 running · 2 completed · 5 lost' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Lead → proposal' }).filter({ hasText: '60.0% (6/10)' }).getByText('above target').waitFor();
  await page.getByRole('row').filter({ hasText: 'Contract → project' }).getByText('below target').waitFor();
  // Support: CSAT 3.67 of three ratings; 3 deflected of 8 requests.
  await page.getByTestId('support-CSAT').filter({ hasText: '3.67 / 5' }).waitFor();
  await page.getByTestId('support-Deflection').filter({ hasText: '37.5%' }).waitFor();
  // Retention: C2 and C3 became clients in March-April; an account for C2 only (1 of 2, below 70-80%);
  // C2's EUR 3,000.00 and C3's USD 10,000.00 in their currencies; C1 and C4 open with C5, C4 at risk.
  await page.getByTestId('retention-clients').filter({ hasText: /^2$/ }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Payment → retention' }).filter({ hasText: '50.0% (1/2)' }).getByText('below target').waitFor();
  await page.getByRole('row').filter({ hasText: 'EUR' }).getByText('€3,000.00').first().waitFor();
  await page.getByRole('row').filter({ hasText: 'USD' }).getByText('$10,000.00').first().waitFor();
  await page.getByTestId('retention-at-risk').filter({ hasText: /^1$/ }).waitFor();
  // The live map: J7 and February's journey in discovery now, J7 past its deadline.
  await page.getByRole('link', { name: 'Discovery: 2 running' }).waitFor();
  await page.getByTestId('journey-map-live').getByText('1 overdue').first().waitFor();
  await screenshot(page, 'analytics-01-desktop');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('funnel-totals').waitFor();
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'analytics-02-phone');
  await screenshot(page, 'analytics-03-phone-first-screen', { fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Another kind: the delivery funnel, its project → payment step (1 of 2) below 95-98%.
  await page.getByLabel('Journey kind').click();
  await page.getByRole('option', { name: 'Delivery' }).click();
  await page.getByRole('row').filter({ hasText: 'Project → payment' }).filter({ hasText: '50.0% (1/2)' }).getByText('below target').waitFor();
  await screenshot(page, 'analytics-04-delivery');
  await page.getByLabel('Journey kind').click();
  await page.getByRole('option', { name: 'Acquisition' }).click();
  await page.getByTestId('funnel-totals').filter({ hasText: '10 started' }).waitFor();

  // "In it now" at discovery opens the running journeys in that stage.
  await page.getByRole('row').filter({ hasText: 'Discovery' }).first().getByRole('link', { name: '1', exact: true }).click();
  await page.waitForURL(/\/journeys\?filter=/);
  expect(JSON.parse(decodeURIComponent(/filter=([^&]+)/.exec(page.url())![1]!))).toEqual({ kind: 'acquisition', stage: 'discovery', status: 'RUNNING' });
});

it('is not offered to a salesperson', async () => {
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await page.getByRole('menuitem', { name: 'Journeys' }).waitFor();
  expect(await page.getByRole('menuitem', { name: 'Analytics' }).count()).toBe(0);
});
