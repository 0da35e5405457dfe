// Saved views in the browser: a PM saves a filtered and sorted inbox as a view shared with the pm
// role; another PM (a user of this file's own) finds it as a tab marked shared, on a phone, and
// choosing it applies its filter and sort; no critical or serious axe violation on the list with
// saved tabs. The owner then renames it, stops sharing it and deletes it from the tab's menu.
// A sort clicked while the page is still rendering the tab just chosen keeps the tab's filter.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { PHONE, axeViolations, blocking, logIn, openApp, screenshot, startBrowserStack, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const PASSWORD = 'another pm password';

/** Signs in through the login form with an email and password (a user made by this file). */
async function logInAs(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Hello, / }).waitFor();
}

/** Two overdue tasks in the pm queue, on a delivery journey written directly (nobody works them here): rows to sort. */
async function overduePmTasks() {
  const companyName = uniqueCompany('Saved Views Studio');
  const customer = await h.db.customer.create({ data: { companyName, contactName: 'Vera Views', email: `${randomUUID()}@saved-views.test` } });
  const journeyId = `journey:${customer.id}:delivery:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'delivery', customerId: customer.id, stage: 'kickoff' } });
  for (const [title, hoursAgo] of [['Kick off the storefront', 48], ['Revise the plan', 24]] as const) {
    const at = new Date(Date.now() - hoursAgo * 3_600_000);
    await h.db.task.create({ data: { id: randomUUID(), journeyId, type: 'address-feedback', title: `${title} for ${companyName}`, role: 'pm', dueAt: at, createdAt: at } });
  }
}

/** The list's parameters as react-admin keeps them in the URL (after the hash). */
const listParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

it('shares a saved inbox view with the pm role: another PM applies it on a phone; the owner renames, unshares and deletes it', async () => {
  const name = `Overdue in my queues ${randomUUID().slice(0, 4)}`;
  await overduePmTasks();
  const email = `pia-${randomUUID()}@pivotal.test`;
  expect((await h.as('admin')('POST', '/api/users', { email, name: 'Pia Planner', roles: ['pm'], password: PASSWORD })).status).toBe(201);

  // Priya (the development PM) narrows her inbox, sorts it newest first and saves it for the pm role.
  const priya = await openApp(browser, h.baseUrl);
  await logIn(priya, 'pm');
  await priya.goto('/#/tasks');
  await priya.getByRole('tab', { name: /My queues/ }).click();
  await priya.getByRole('button', { name: 'Overdue' }).click();
  await priya.getByRole('button', { name: /Sort by arrived/ }).click();
  await priya.waitForURL(/order=DESC/);
  await priya.getByRole('button', { name: 'Save view' }).click();
  const dialog = priya.getByRole('dialog', { name: 'Save this view' });
  await dialog.getByLabel(/Name/).fill(name);
  await dialog.getByLabel('Share with').click();
  // Priya holds only the pm role: that is all she may share with.
  await expect(priya.getByRole('option').allTextContents()).resolves.toEqual(['Only me', 'Everyone with the pm role']);
  await priya.getByRole('option', { name: 'Everyone with the pm role' }).click();
  await screenshot(priya, 'saved-views-01-save-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await priya.getByRole('tab', { name: new RegExp(name), selected: true }).waitFor();
  const saved = await h.db.savedView.findFirstOrThrow({ where: { name } });
  expect(saved).toMatchObject({ resource: 'tasks', filter: { queue: 'my-roles', overdue: true }, sortField: 'createdAt', sortOrder: 'DESC', sharedWithRole: 'pm' });
  await screenshot(priya, 'saved-views-02-saved-tab');

  // Pia, another PM, on a phone: the view is a tab marked as Priya's, and choosing it applies it.
  const pia = await openApp(browser, h.baseUrl, '/', PHONE);
  await logInAs(pia, email);
  await pia.goto('/#/tasks');
  const shared = pia.getByRole('tab', { name: new RegExp(`Shared by Priya PM with pm.*${name}`) });
  await shared.scrollIntoViewIfNeeded();
  await shared.click();
  await pia.getByRole('tab', { name: new RegExp(name), selected: true }).waitFor();
  const params = listParams(pia);
  expect(JSON.parse(params.get('filter') ?? '{}')).toEqual({ queue: 'my-roles', overdue: true });
  expect([params.get('sort'), params.get('order')]).toEqual(['createdAt', 'DESC']);
  await pia.getByRole('button', { name: 'Overdue', pressed: true }).waitFor();
  // Not hers to change: no menu.
  await expect(pia.getByRole('button', { name: /Options of the view/ }).count()).resolves.toBe(0);
  await pia.waitForTimeout(600);
  await screenshot(pia, 'saved-views-03-phone-shared');
  expect(await widerThanScreen(pia)).toEqual([]);
  expect(blocking(await axeViolations(pia))).toEqual([]);

  // Priya renames it, stops sharing it, then deletes it, from the tab's menu.
  const options = priya.getByRole('button', { name: `Options of the view ${name}` });
  await options.click();
  await priya.getByRole('menuitem', { name: 'Rename or share…' }).click();
  const edit = priya.getByRole('dialog', { name: /Rename or share/ });
  await edit.getByLabel(/Name/).fill(`${name} (new)`);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await priya.getByRole('tab', { name: new RegExp(`${name} \\(new\\)`) }).waitFor();
  expect(blocking(await axeViolations(priya))).toEqual([]);
  await priya.getByRole('button', { name: `Options of the view ${name} (new)` }).click();
  await priya.getByRole('menuitem', { name: 'Stop sharing' }).click();
  await priya.getByText(/is yours alone again/).waitFor();
  expect((await h.db.savedView.findUniqueOrThrow({ where: { id: saved.id } })).sharedWithRole).toBeNull();
  await pia.reload();
  await pia.getByRole('tab', { name: /My tasks/ }).waitFor();
  await expect(pia.getByRole('tab', { name: new RegExp(name) }).count()).resolves.toBe(0);

  await priya.getByRole('button', { name: `Options of the view ${name} (new)` }).click();
  await priya.getByRole('menuitem', { name: 'Delete…' }).click();
  await priya.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await priya.getByText(/^Deleted "/).waitFor();
  await expect(priya.getByRole('tab', { name: new RegExp(name) }).count()).resolves.toBe(0);
  expect(await h.db.savedView.count({ where: { id: saved.id } })).toBe(0);
});

it('keeps a tab just chosen when the sort is clicked before the page has rendered it', async () => {
  await overduePmTasks();
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'pm');
  await page.goto('/#/tasks');
  await page.getByRole('tab', { name: /My queues/ }).click();
  await page.getByRole('tab', { name: /My queues/, selected: true }).waitFor();
  // A slow phone: the page takes a while to render what the address already says.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  // The tab, then the sort the moment the tab's filter is in the address, before the page shows it.
  await page.getByRole('button', { name: /Sort by arrived/ }).waitFor();
  const selectedBeforeSort = await page.evaluate<string | null>(`(async () => {
    const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.includes('My tasks'));
    const sort = document.querySelector('[aria-label^="Sort by arrived"]');
    tab.click();
    while (!decodeURIComponent(location.hash).includes('"mine"')) await new Promise((resolve) => setTimeout(resolve, 0));
    sort.click();
    return tab.getAttribute('aria-selected');
  })()`);
  // The race this is about: the sort went out while the page still showed the old tab.
  expect(selectedBeforeSort).toBe('false');
  await page.waitForURL(/sort=createdAt/);
  expect(JSON.parse(listParams(page).get('filter') ?? '{}')).toEqual({ queue: 'mine' });
  await page.getByRole('tab', { name: /My tasks/, selected: true }).waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
