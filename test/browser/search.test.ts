// The app bar's search in the browser: a manager finds a customer, their journey, task and invoice
// from the keyboard alone ("/", typing, the arrows, Enter), and Ctrl+K again for an invoice number;
// on a phone a salesperson opens the search from its button and goes to a task.
import type { Browser } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { lead } from '../support/fixtures';
import { PHONE, logIn, openApp, screenshot, startBrowserStack, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

async function customerWithInvoice(label: string) {
  const companyName = uniqueCompany(label);
  const created = await h.as('sales')('POST', '/api/leads', lead({ companyName, contactName: 'Hana Hollis' }));
  expect(created.status).toBe(201);
  const { customerId, journeyId } = created.body as { customerId: string; journeyId: string };
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId } }), Boolean);
  const number = `INV-S${Date.now()}`;
  await h.db.invoice.create({ data: { number, journeyId, customerId, status: 'OPEN', currency: 'EUR', subtotalMinor: 98_765, totalMinor: 98_765 } });
  return { companyName, customerId, journeyId, task: task!, number };
}

it('finds a customer, their journey, task and invoice from the keyboard, grouped by type', async () => {
  const c = await customerWithInvoice('Halcyon Hives');
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'manager');

  // "/" goes to the search box from anywhere outside a field.
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search customers, journeys, tasks, invoices and tickets' });
  await expect(page.evaluate<string | null>('document.activeElement.getAttribute("aria-label")')).resolves.toBe('Search customers, journeys, tasks, invoices and tickets');
  await page.keyboard.type(c.companyName.split(' ').at(-1)!);
  const results = page.getByRole('listbox');
  for (const group of ['Customers', 'Journeys', 'Tasks', 'Invoices']) await results.getByText(group, { exact: true }).waitFor();
  await results.getByRole('option', { name: new RegExp(`${c.number}.*€987\\.65`) }).waitFor();
  await screenshot(page, 'search-01-grouped', { fullPage: false });

  // The first result is highlighted: Enter opens the customer.
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/customers/${c.customerId}/show`));
  await page.getByRole('heading', { name: c.companyName }).first().waitFor();
  await expect(box.inputValue()).resolves.toBe('');

  // Ctrl+K, an invoice number, then down to it and Enter: its journey's page.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(c.number.toLowerCase());
  await results.getByRole('option', { name: new RegExp(c.number) }).waitFor();
  const options = await results.getByRole('option').allTextContents();
  for (let i = 0; i < options.findIndex((o) => o.includes(c.number)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/journeys/${encodeURIComponent(c.journeyId)}/show`));

  // Nothing found is said so.
  await page.keyboard.press('/');
  await page.keyboard.type(`${c.companyName} nosuchword`);
  await page.getByText(/Nothing matches/).waitFor();
  await page.keyboard.press('Escape');
});

it('opens from a button on a phone, and takes a salesperson to a task', async () => {
  const c = await customerWithInvoice('Juniper Joinery');
  const page = await openApp(browser, h.baseUrl, '/', PHONE);
  await logIn(page, 'sales');
  await page.getByRole('button', { name: 'Search customers, journeys, tasks, invoices and tickets' }).click();
  await page.getByRole('combobox').fill(c.companyName);
  const results = page.getByRole('listbox');
  await results.getByRole('option', { name: c.task.title }).waitFor();
  // A salesperson sees no invoices.
  await expect(results.getByText('Invoices', { exact: true }).count()).resolves.toBe(0);
  await screenshot(page, 'search-02-phone', { fullPage: false });
  expect(await widerThanScreen(page)).toEqual([]);
  await results.getByRole('option', { name: c.task.title }).click();
  await page.waitForURL(new RegExp(`#/tasks/${c.task.id}/show`));
  await page.getByRole('heading', { name: c.task.title, exact: true }).waitFor();
  await expect(page.getByRole('dialog').count()).resolves.toBe(0);
});
