// Drives the admin UI the API serves (admin-ui/dist, built by `npm test`) in Debian's chromium
// through playwright-core: no browser download. Screenshots of key steps land in screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_UI_DIST } from '../../api/app';
import { devUserEmail } from '../../api/auth/dev-users';
import type { Role } from '../../api/auth/roles';
import { DEV_USER_PASSWORD } from '../../platform/config';
import { startHarness, type Harness, type HarnessOptions } from '../support/harness';

const SCREENSHOTS = path.join(__dirname, 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(ADMIN_UI_DIST, 'index.html'))) {
    throw new Error('admin-ui/dist is missing: run the tests with `npm test`, which builds the admin UI');
  }
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/**
 * The real stack and a browser for a test file: started before its tests (and handed to `use`),
 * stopped after them.
 */
export function startBrowserStack(use: (stack: { h: Harness; browser: Browser }) => void, opts?: HarnessOptions): void {
  let stack: { h: Harness; browser: Browser } | undefined;
  beforeAll(async () => {
    const [h, browser] = await Promise.all([startHarness(opts), launchBrowser()]);
    stack = { h, browser };
    use(stack);
  });
  afterAll(async () => {
    await stack?.browser.close();
    await stack?.h.stop();
  });
}

/** What chromium refused under the answers' Content-Security-Policy, by page (the console says). */
const cspViolations = new WeakMap<Page, string[]>();

export const PHONE = { width: 390, height: 844 };

/** A fresh browser context (its own cookies) on the app at a desktop size (or `viewport`), at `path`. */
export async function openApp(browser: Browser, baseUrl: string, path = '/', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const page = await context.newPage();
  const refused: string[] = [];
  cspViolations.set(page, refused);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(path);
  return page;
}

/** Signs in through the login form as the development user of `role`. */
export async function logIn(page: Page, role: Role): Promise<void> {
  await page.getByLabel('Email').fill(devUserEmail(role));
  await page.getByLabel('Password').fill(DEV_USER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Hello, / }).waitFor();
}

/** The whole page, transitions finished; `{ fullPage: false }` for a dialog, whose backdrop covers only the viewport. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  // Each step shown also proves the page works under its CSP: nothing it needed was refused.
  const refused = cspViolations.get(page) ?? [];
  if (refused.length) throw new Error(`The Content-Security-Policy refused:\n${refused.join('\n')}`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

/** A company name no other test uses, so its rows are told apart in the shared database. */
export const uniqueCompany = (label: string) => `${label} ${Math.random().toString(36).slice(2, 7)}`;

/**
 * What makes the page wider than the screen (nothing should, on a phone): the innermost elements
 * past its right edge, when the page scrolls sideways. A wide table scrolling in its own box is
 * fine. Page code as text: the tests compile without the DOM's types.
 */
export const widerThanScreen = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const past = (e) => e.getBoundingClientRect().right > window.innerWidth + 1;
    return [...document.querySelectorAll('body *')]
      .filter((e) => past(e) && ![...e.children].some(past))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + String(e.className).slice(0, 80));
  })()`);

/** An axe-core violation, as the accessibility tests report it: the rule, how bad, and where. */
export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[]; html: string[] };

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A and AA rules over the page as it stands. Run through the DevTools protocol
 * (page.evaluate), so the page's Content-Security-Policy, which refuses inline scripts, is not
 * loosened for it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate<AxeViolation[]>(`(async () => {
    ${AXE_SOURCE}
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), html: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)) }));
  })()`);
}

/** The violations that block people: critical and serious (the accessibility tests allow none). */
export const blocking = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
