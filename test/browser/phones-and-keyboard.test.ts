// Phones and keyboards, on the real stack. At 390x844 every list is a compact list (no table) with
// what its rows tell, nothing is wider than the screen, a filter that is on is shown and cleared
// in one tap, and the task form's "Complete task" bar (fixed to the screen's bottom) covers no
// field that takes focus. On a desktop a row is reached with Tab and opened with Enter, an invoice's
// lines unfold from a named button, and focus goes on to what comes next after Claim, Release and
// Complete, never to the page's body. The data and the user are this file's own: the database is
// shared with the other test files.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { lead } from '../support/fixtures';
import { PHONE, openApp, startBrowserStack, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const DESKTOP = { width: 1280, height: 800 };
const SHOTS = process.env.PHONES_SHOTS_DIR ?? '/tmp/phones-shots';
const PASSWORD = 'phones and keyboards';
const LONG_AGO = new Date('2000-01-01T09:00:00Z');

/** For people to look at: /tmp/phones-shots/NAME.png (`fullPage: false` for what the screen shows, fixed bars where they are). */
async function shot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

type Fixture = Awaited<ReturnType<typeof makeFixture>>;
let fixture: Promise<Fixture> | undefined;

/**
 * A manager who also sells, bills and supports (every list is theirs), and a row of this file's in
 * each list, long overdue where a list sorts by due date (so it is on the first page): a task, a
 * journey waiting on something, a customer, an invoice with lines, a ticket, an article.
 */
async function makeFixture() {
  const email = `kim-${randomUUID()}@pivotal.test`;
  const created = await h.as('admin')('POST', '/api/users', { email, name: 'Kim Keys', roles: ['manager', 'sales', 'finance', 'support'], password: PASSWORD });
  expect(created.status).toBe(201);

  const companyName = uniqueCompany('Pocket Phones');
  const customer = await h.db.customer.create({ data: { companyName, contactName: 'Pat Pocket', email: `${randomUUID()}@pocket.test`, phone: '+44 20 7946 0000' } });
  const journeyId = `journey:${customer.id}:delivery:1`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'delivery', customerId: customer.id, stage: 'kickoff' } });
  const taskTitle = `Plan the kickoff for ${companyName}`;
  await h.db.task.create({ data: { id: randomUUID(), journeyId, type: 'address-feedback', title: taskTitle, role: 'pm', dueAt: LONG_AGO, createdAt: LONG_AGO } });
  const waitDescription = `Signed statement of work from ${companyName}`;
  await h.db.journeyWait.create({ data: { id: randomUUID(), journeyId, kind: 'signature', key: `sow:${customer.id}`, description: waitDescription, since: LONG_AGO, deadline: new Date('2000-01-08T09:00:00Z'), unblockedBy: 'customer' } });
  const invoiceNumber = `INV-PHONE-${randomUUID().slice(0, 6)}`;
  const billingId = `journey:${customer.id}:billing:1`;
  await h.db.journey.create({ data: { id: billingId, kind: 'billing', customerId: customer.id, stage: 'awaiting-payment' } });
  await h.db.invoice.create({
    data: {
      number: invoiceNumber,
      kind: 'deposit',
      journeyId: billingId,
      customerId: customer.id,
      status: 'OPEN',
      currency: 'EUR',
      subtotalMinor: 123_450,
      totalMinor: 123_450,
      issuedAt: LONG_AGO,
      dueAt: LONG_AGO,
      lines: { create: [{ position: 1, kind: 'deposit', description: 'Deposit for the pocket app', amountMinor: 123_450 }] },
    },
  });
  const supportId = `journey:${customer.id}:support:1`;
  await h.db.journey.create({ data: { id: supportId, kind: 'support', customerId: customer.id, stage: 'open' } });
  const ticketSubject = `The pocket app crashes on launch (${companyName})`;
  await h.db.supportTicket.create({
    data: { journeyId: supportId, customerId: customer.id, subject: ticketSubject, description: 'Every time.', category: 'technical', priority: 'high', status: 'open', queue: 'general', raisedBy: 'customer', channel: 'email' },
  });
  const articleTitle = `Reinstalling the pocket app ${randomUUID().slice(0, 4)}`;
  await h.db.knowledgeArticle.create({ data: { title: articleTitle, body: 'Remove it, then install it again.', category: 'technical', published: true, createdBy: 'test', updatedBy: 'test' } });
  return { email, customer, companyName, taskTitle, waitDescription, invoiceNumber, ticketSubject, articleTitle };
}

const data = () => (fixture ??= makeFixture());

/** A fresh lead's follow-up call, in the sales queue (Kim's), unclaimed: a task its journey waits on. */
async function followUpCall() {
  const companyName = uniqueCompany('Keyboard Kitchens');
  const { body } = await h.as('sales')('POST', '/api/leads', lead({ companyName, contactName: 'Kit Keys' }));
  const task = (await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId } }), (t) => t !== null))!;
  return task;
}

async function logInAsKim(viewport: { width: number; height: number }) {
  const { email } = await data();
  const page = await openApp(browser, h.baseUrl, '/', viewport);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Hello, / }).waitFor();
  return page;
}

const listUrl = (resource: string, filter?: object) => `/#/${resource}${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;

/** The list's filter as react-admin keeps it in the URL (after the hash). */
const filterOf = (page: Page) => JSON.parse(new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('filter') ?? '{}') as Record<string, unknown>;

/** What has the keyboard's focus: its tag, text, and a few attributes. Page code as text: the tests compile without the DOM's types. */
const focused = (page: Page) =>
  page.evaluate<{ tag: string; text: string; name: string | null; testId: string | null; inForm: boolean; type: string | null }>(`(() => {
    const e = document.activeElement;
    return { tag: e.tagName, text: (e.textContent || '').trim().slice(0, 120), name: e.getAttribute('aria-label') || e.getAttribute('name'), testId: e.getAttribute('data-testid'), inForm: !!e.closest('form'), type: e.getAttribute('type') };
  })()`);

/** Each list, as Kim opens it, and one of this file's rows it must show on a phone: [name, url, text of the row]. */
async function lists(): Promise<[string, string, string][]> {
  const d = await data();
  return [
    ['inbox', listUrl('tasks', { status: 'OPEN' }), d.taskTitle],
    ['journeys', listUrl('journeys', { status: 'RUNNING', kind: 'delivery' }), d.companyName],
    ['waits', listUrl('waits'), d.waitDescription],
    ['customers', listUrl('customers', { email: d.customer.email }), d.companyName],
    ['invoices', listUrl('invoices'), d.invoiceNumber],
    ['tickets', listUrl('tickets', { open: true, customerId: d.customer.id }), d.ticketSubject],
    ['knowledge', listUrl('knowledge-articles', { q: d.articleTitle }), d.articleTitle],
  ];
}

it('shows every list compact on a phone, a real link a row, with what the table tells and nothing wider than the screen', async () => {
  const d = await data();
  const page = await logInAsKim(PHONE);
  for (const [name, url, text] of await lists()) {
    await page.goto(url);
    const compact = page.getByTestId('compact-list');
    const row = compact.getByRole('link').filter({ hasText: text }).first();
    await row.waitFor();
    expect(await page.locator('table').count()).toBe(0);
    // Across the screen, not squeezed by what stands beside it.
    expect((await compact.boundingBox())!.width).toBeGreaterThan(PHONE.width * 0.8);
    expect(await widerThanScreen(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
    await shot(page, `${name}-390`);
    // What the table's row says, the compact row says too.
    if (name === 'inbox') await row.getByText(/^overdue · /).waitFor();
    if (name === 'invoices') {
      await row.getByText('€1,234.50').first().waitFor();
      await row.getByText('open', { exact: true }).waitFor();
      await row.getByText(/overdue · /).waitFor();
      expect(await row.getAttribute('href')).toBe(`#/journeys/${encodeURIComponent(`journey:${d.customer.id}:billing:1`)}/show`);
    }
    if (name === 'tickets') await row.getByText('high', { exact: true }).waitFor();
    if (name === 'customers') await row.getByText('Pat Pocket', { exact: false }).waitFor();
    if (name === 'waits') await row.getByText(/ago/).waitFor();
  }
  // A tap opens the row's page.
  await page.goto(listUrl('customers', { email: d.customer.email }));
  await page.getByTestId('compact-list').getByRole('link').filter({ hasText: d.companyName }).click();
  await page.waitForURL(new RegExp(`#/customers/${d.customer.id}/show`));
  await page.context().close();
});

it('shows a phone which filters are on, even those of the hidden sidebar, and clears them in one tap, the tab kept', async () => {
  const page = await logInAsKim(PHONE);
  // A sidebar filter (the sidebar is hidden on a phone), as a link from elsewhere brings it.
  await page.goto(listUrl('journeys', { status: 'RUNNING', waitingOn: 'signature' }));
  const on = page.getByRole('group', { name: 'Filters on' });
  await on.getByText('Waiting on: Signature').waitFor();
  await shot(page, 'journeys-390-filter-on');
  expect(await widerThanScreen(page)).toEqual([]);
  await on.getByRole('button', { name: 'Clear the filter' }).click();
  await eventually(async () => filterOf(page), (f) => JSON.stringify(f) === JSON.stringify({ status: 'RUNNING' }));
  await on.waitFor({ state: 'detached' });

  // Two on: one chip's ✕ removes its filter alone, then one button clears the rest.
  await page.goto(listUrl('waits', { waitOverdue: true, waitingOn: 'signature' }));
  await on.getByText('Past its deadline').waitFor();
  await on.getByRole('button', { name: 'Past its deadline' }).locator('.MuiChip-deleteIcon').click();
  await eventually(async () => filterOf(page), (f) => JSON.stringify(f) === JSON.stringify({ waitingOn: 'signature' }));
  await on.getByRole('button', { name: 'Clear the filter' }).click();
  await eventually(async () => filterOf(page), (f) => Object.keys(f).length === 0);

  // The inbox: "Overdue" and a queue on top of the All open tab; clearing keeps the tab.
  await page.goto(listUrl('tasks', { status: 'OPEN', overdue: true, role: 'pm' }));
  await on.getByRole('button', { name: 'Clear 2 filters' }).click();
  await eventually(async () => filterOf(page), (f) => JSON.stringify(f) === JSON.stringify({ status: 'OPEN' }));
  await page.getByRole('tab', { name: /All open/, selected: true }).waitFor();
  await page.context().close();
});

it('never covers a field of the task form with the "Complete task" bar on a phone', async () => {
  const task = await followUpCall();
  const page = await logInAsKim(PHONE);
  await page.goto(`/#/tasks/${task.id}/show`);
  const bar = page.getByTestId('complete-task-bar');
  await bar.getByRole('button', { name: 'Complete task' }).waitFor();
  expect(await widerThanScreen(page)).toEqual([]);
  await shot(page, 'task-390');
  // Every field of the page (the form's, then the comment box below it), focused in turn from the top.
  const fields = page.locator('main').locator('input:not([type="hidden"]):not([aria-hidden="true"]), textarea:not([aria-hidden="true"]), [role="combobox"]');
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) {
    await page.evaluate('window.scrollTo(0, 0)');
    await fields.nth(i).focus();
    await page.waitForTimeout(100);
    const [field, barBox] = await Promise.all([fields.nth(i).boundingBox(), bar.boundingBox()]);
    expect(barBox!.y + barBox!.height).toBeCloseTo(PHONE.height, 0);
    const name = (await fields.nth(i).getAttribute('name')) ?? (await fields.nth(i).getAttribute('aria-label'));
    // Named, so that a failure says which field the bar covered.
    expect({ field: name, top: field!.y >= 0, coveredByTheBar: field!.y + field!.height > barBox!.y }).toEqual({ field: name, top: true, coveredByTheBar: false });
    if (i === 1) await shot(page, 'task-390-field-focused', { fullPage: false });
  }
  // The page's end too: the last thing on it is above the bar once scrolled to the bottom.
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  const last = await fields.nth(count - 1).boundingBox();
  expect(last!.y + last!.height).toBeLessThanOrEqual((await bar.boundingBox())!.y);
  await page.context().close();
});

it('reaches a row with Tab and opens it with Enter on a desktop; an invoice’s lines unfold from a named button', async () => {
  const d = await data();
  const page = await logInAsKim(DESKTOP);
  // Every list's rows carry a link to their page.
  for (const [name, url, text] of await lists()) {
    await page.goto(url);
    const row = page.getByRole('row').filter({ hasText: text }).first();
    await row.getByRole('link').first().waitFor();
    expect(await widerThanScreen(page)).toEqual([]);
    await shot(page, `${name}-1280`);
  }

  await page.goto(listUrl('customers', { email: d.customer.email }));
  const link = page.getByRole('row').getByRole('link', { name: d.companyName });
  await link.waitFor();
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await focused(page)).text === d.companyName;
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/customers/${d.customer.id}/show`));
  await page.getByRole('heading', { name: d.companyName }).first().waitFor();

  // The invoice's lines: a button named for the invoice, in the tab order; Enter unfolds them.
  await page.goto(listUrl('invoices'));
  const expand = page.getByRole('button', { name: `Show lines of invoice ${d.invoiceNumber}` });
  await expand.waitFor();
  expect(await expand.getAttribute('aria-expanded')).toBe('false');
  await expand.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Deposit for the pocket app').waitFor();
  const hide = page.getByRole('button', { name: `Hide lines of invoice ${d.invoiceNumber}` });
  expect(await hide.getAttribute('aria-expanded')).toBe('true');
  expect((await focused(page)).name).toBe(`Hide lines of invoice ${d.invoiceNumber}`);
  await shot(page, 'invoices-1280-lines');
  // The invoice number's link opens its billing journey, as the row does.
  await page.getByRole('row').filter({ hasText: d.invoiceNumber }).getByRole('link', { name: d.invoiceNumber }).first().press('Enter');
  await page.waitForURL(/#\/journeys\/.*billing.*\/show/);
  await page.context().close();
});

it('keeps the focus on what comes next after Claim, Release and Complete', async () => {
  const task = await followUpCall();
  const page = await logInAsKim(DESKTOP);
  await page.goto(`/#/tasks/${task.id}/show`);
  const claim = page.getByRole('button', { name: 'Claim' });
  await claim.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Release to queue' }).waitFor();
  // The form's first field: the first answer of the call's outcome.
  await eventually(() => focused(page), (f) => f.tag === 'INPUT' && f.inForm);
  expect(await page.evaluate('document.activeElement === document.querySelector(\'main form input[type="radio"]\')')).toBe(true);
  await shot(page, 'task-1280-claimed');

  const release = page.getByRole('button', { name: 'Release to queue' });
  await release.focus();
  await page.keyboard.press('Enter');
  await claim.waitFor();
  await eventually(() => focused(page), (f) => f.tag === 'BUTTON' && f.text === 'Claim');

  await page.keyboard.press('Enter');
  await eventually(() => focused(page), (f) => f.tag === 'INPUT' && f.inForm);
  await page.getByRole('radio', { name: 'Qualified', exact: true }).check();
  await page.getByLabel('Notes').fill('Keen to meet.');
  await page.getByRole('button', { name: 'Complete task' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Result', exact: true }).waitFor();
  await eventually(() => focused(page), (f) => f.testId === 'task-result');
  expect((await focused(page)).name).toBe('Task completed: the result');
  await shot(page, 'task-1280-completed');
  expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('COMPLETED');

  // Claimed from "My queues": the task opens with its form's first field focused.
  const next = await followUpCall();
  await page.goto(listUrl('tasks', { queue: 'my-roles' }));
  await page.getByRole('button', { name: /Sort by arrived/ }).click();
  await page.waitForURL(/order=DESC/);
  await page.getByRole('row').filter({ hasText: next.title }).getByRole('button', { name: 'Claim' }).click();
  await page.getByRole('heading', { name: next.title, exact: true }).waitFor();
  await eventually(() => focused(page), (f) => f.tag === 'INPUT' && f.inForm);
  await page.context().close();
});
