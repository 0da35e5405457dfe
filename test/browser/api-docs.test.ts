// The interactive API reference works in a browser under its Content-Security-Policy: Swagger UI's
// files from this server render the operations of the OpenAPI document, and nothing is refused.
import type { Browser } from 'playwright-core';
import type { Harness } from '../support/harness';
import { startBrowserStack, openApp, screenshot } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

it('renders the operations from /api/openapi.json', async () => {
  const page = await openApp(browser, h.baseUrl, '/api/docs');
  await page.locator('.opblock-summary-path').filter({ hasText: '/api/leads' }).first().waitFor();
  expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
  await screenshot(page, 'api-docs'); // fails on any CSP refusal
});
