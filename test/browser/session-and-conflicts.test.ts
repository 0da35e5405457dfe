// What a person typed is never lost and never falsely reported as saved: a session that ends while
// a task's form is open (the command is refused, the person is told, and after logging in again
// they are back on the form with their answers), and a task someone else completed first (named,
// with the answers kept to copy). A signed-out visitor gets the login page without retries, and a
// login whose cookie the browser dropped says why.
import type { Browser, Page } from 'playwright-core';
import { devUserEmail } from '../../api/auth/dev-users';
import { DEV_USER_PASSWORD } from '../../platform/config';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { followUpQualified, lead } from '../support/fixtures';
import { startBrowserStack, logIn, openApp, screenshot, uniqueCompany } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

/** A fresh lead's follow-up call, claimed by the salesperson. */
async function claimedTask(contactName: string) {
  const { body } = await h.as('sales')('POST', '/api/leads', lead({ companyName: uniqueCompany('Draft Co'), contactName }));
  const task = (await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId } }), (t) => t !== null))!;
  expect((await h.as('sales')('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);
  return task;
}

const openTask = async (page: Page, id: string) => {
  await page.goto(`/#/tasks/${id}/show`);
  await page.getByRole('button', { name: 'Complete task' }).waitFor();
};

it('shows the login page to a signed-out visitor without retrying the identity check', async () => {
  const context = await browser.newContext({ baseURL: h.baseUrl });
  const page = await context.newPage();
  const identityChecks: string[] = [];
  page.on('request', (r) => void (r.url().includes('/api/auth/me') && identityChecks.push(r.url())));
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  // Give a retry with backoff (one second, then two) the time to show itself.
  await page.waitForTimeout(2_500);
  // One question, one answer: "signed out" is final until the person logs in.
  expect(identityChecks).toHaveLength(1);
  await context.close();
});

it('says so when the password was right but the browser dropped the session cookie (a Secure cookie over plain HTTP)', async () => {
  const page = await openApp(browser, h.baseUrl);
  // What a browser does with a Secure cookie on an http:// page: it never stores it.
  await page.route('**/api/auth/login', async (route) => {
    const answer = await route.fetch();
    // route.fetch() shares the context's cookie jar, which took the cookie: dropped there too.
    await page.context().clearCookies();
    const headers = Object.fromEntries(Object.entries(answer.headers()).filter(([name]) => name.toLowerCase() !== 'set-cookie'));
    await route.fulfill({ response: answer, headers });
  });
  await page.getByLabel('Email').fill(devUserEmail('sales'));
  await page.getByLabel('Password').fill(DEV_USER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/did not keep the session cookie.*https:\/\//).waitFor();
  await screenshot(page, 'session-00-cookie-dropped', { fullPage: false });
  expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  await page.unroute('**/api/auth/login');
  await logIn(page, 'sales');
});

it('refuses to report a completion after the session ended, and brings the person back to their answers', async () => {
  const task = await claimedTask('Sam Session');
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await openTask(page, task.id);
  await page.getByRole('radio', { name: 'Qualified', exact: true }).check();
  await page.getByLabel('Notes').fill('Budget approved; wants a call on Friday.');

  // The session ends (its cookie is gone) while the form is open.
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText(/Your session has ended\. The task is still open and your answers are kept/).waitFor();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await screenshot(page, 'session-01-ended');
  expect(await page.getByText('Task completed').count()).toBe(0);
  expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');

  // Logging in again leads back to the task, the answers in place.
  await page.getByLabel('Email').fill(devUserEmail('sales'));
  await page.getByLabel('Password').fill(DEV_USER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Complete task' }).waitFor();
  expect(await page.getByLabel('Notes').inputValue()).toBe('Budget approved; wants a call on Friday.');
  expect(await page.getByRole('radio', { name: 'Qualified', exact: true }).isChecked()).toBe(true);
  await screenshot(page, 'session-02-back-on-the-form');
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('Task completed: the journey moves on').waitFor();
  expect(await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'COMPLETED', result: { notes: 'Budget approved; wants a call on Friday.' } });
  // Sent, so no draft is left behind.
  expect(await page.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(key), `pf:task-draft:${task.id}`)).toBeNull();
});

it('names who completed a task first and keeps the answers typed meanwhile, to copy', async () => {
  const task = await claimedTask('Cy Conflict');
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await openTask(page, task.id);
  await page.getByRole('radio', { name: 'Qualified', exact: true }).check();
  await page.getByLabel('Notes').fill('My own careful notes from the call.');

  // Completed elsewhere (another tab, the API) before this form is sent.
  expect((await h.as('sales')('POST', `/api/tasks/${task.id}/complete`, { result: followUpQualified })).status).toBe(200);
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText(/completed this task first/).first().waitFor();
  const unsent = page.getByTestId('unsent-draft');
  await unsent.waitFor();
  await unsent.getByText('My own careful notes from the call.').waitFor();
  expect(await unsent.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no raw ids
  await screenshot(page, 'conflict-01-unsent-answers');
  await unsent.getByRole('button', { name: 'Discard' }).click();
  await unsent.waitFor({ state: 'detached' });
});
