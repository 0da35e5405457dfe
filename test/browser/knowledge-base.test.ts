// The knowledge base in the browser, on the real stack: support writes an article, publishes it
// with the switch and sees it suggested as a customer would; an article written as the session
// ends is kept and saved after logging in again; a salesperson reads it without any way to change it.
import type { Browser } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { devUserEmail } from '../../api/auth/dev-users';
import { DEV_USER_PASSWORD } from '../../platform/config';
import { logIn, openApp, screenshot, startBrowserStack } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started), { worker: false });

/** A word no other test's article has, so the search finds this file's only. */
const word = `kbword${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 6)}`;
const title = `Rebooting the ${word} gateway`;

it('support writes an article, publishes it, finds it and sees it suggested', async () => {
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'support');
  await page.getByRole('menuitem', { name: 'Knowledge base' }).click();
  await page.getByRole('link', { name: 'New article' }).click();
  // The list behind has a "Sort by title" button: wait for the form's own field.
  await page.waitForURL(/\/knowledge-articles\/create$/);
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByLabel('Category').fill('Technical');
  await page.getByLabel('Body').fill(`When the ${word} gateway stops answering:\n\n1. Unplug it for ten seconds.\n2. Plug it back in.\n\n<b>Not</b> HTML: shown as written.`);
  await screenshot(page, 'knowledge-01-new-article');
  await page.getByRole('button', { name: 'Save' }).click();

  // The article's page: a draft, its body as text (the <b> shows as written), the writer named.
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
  await page.getByText('<b>Not</b> HTML', { exact: false }).waitFor();
  await page.getByText('Sue Support', { exact: false }).first().waitFor();
  const saved = await h.db.knowledgeArticle.findFirstOrThrow({ where: { title } });
  expect(saved).toMatchObject({ category: 'technical', published: false, createdBy: h.users.support.id });
  await page.getByRole('switch', { name: 'Draft' }).click();
  await page.getByRole('switch', { name: 'Published' }).waitFor();
  await eventually(() => h.db.knowledgeArticle.findUniqueOrThrow({ where: { id: saved.id } }), (a) => a.published);
  await screenshot(page, 'knowledge-02-article-published');

  // The list: searched, and beside it what a customer describing the problem would be offered.
  await page.getByRole('menuitem', { name: 'Knowledge base' }).click();
  await page.getByPlaceholder(/^Search/).fill(`${word} gateway`);
  await page.getByRole('row').filter({ hasText: title }).waitFor();
  await page.getByLabel('Describe a problem').fill(`My ${word} is not answering, help!`);
  // The suggestion, not the list row's own link to the article.
  const suggestion = page.getByRole('listitem').getByRole('link', { name: title });
  await suggestion.waitFor();
  await page.locator('mark', { hasText: word }).first().waitFor();
  await screenshot(page, 'knowledge-03-search-and-suggestions');

  // Editing sends what changed.
  await suggestion.click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(`${title} (updated)`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: `${title} (updated)`, exact: true }).waitFor();
  expect(await h.db.knowledgeArticle.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ title: `${title} (updated)`, published: true, updatedBy: h.users.support.id });
});

it('keeps an article written while the session ended, and brings the writer back to it after logging in', async () => {
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'support');
  await page.goto('/#/knowledge-articles/create');
  await page.waitForURL(/\/knowledge-articles\/create$/);
  const lateTitle = `Resetting the modem (${Date.now()})`; // not found by the next test's search for `word`
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(lateTitle);
  await page.getByLabel('Body').fill('Hold the reset button for five seconds.');

  // The session ends (its cookie is gone) while the form is open: nothing saved, nothing claimed.
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/Your session has ended\. The article was not saved; what you wrote is kept/).waitFor();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(await page.getByText('Article created').count()).toBe(0);
  expect(await h.db.knowledgeArticle.count({ where: { title: lateTitle } })).toBe(0);
  expect(JSON.parse((await page.evaluate<string | null>(`localStorage.getItem('pf:article-draft:${h.users.support.id}:new')`))!)).toMatchObject({ title: lateTitle });

  // Back on the form after logging in, filled in; saved, and the draft is gone.
  await page.getByLabel('Email').fill(devUserEmail('support'));
  await page.getByLabel('Password').fill(DEV_USER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/knowledge-articles\/create$/);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).resolves.toBe(lateTitle);
  expect(await page.getByLabel('Body').inputValue()).toBe('Hold the reset button for five seconds.');
  await page.getByText('What you wrote before your session ended is back').waitFor();
  await screenshot(page, 'knowledge-04-draft-restored');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: lateTitle, exact: true }).waitFor();
  await page.getByText('Article created').waitFor();
  expect(await h.db.knowledgeArticle.count({ where: { title: lateTitle } })).toBe(1);
  expect(await page.evaluate<string | null>(`localStorage.getItem('pf:article-draft:${h.users.support.id}:new')`)).toBeNull();
});

it('a salesperson reads articles, with no way to write, publish or delete them', async () => {
  const article = await h.as('support')('POST', '/api/knowledge-articles', { title: `Sales may read ${word}`, body: 'Read only for sales.', published: true });
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await page.getByRole('menuitem', { name: 'Knowledge base' }).click();
  // The status filter: drafts only (none with this word), then published ones.
  await page.getByPlaceholder('Search articles').fill(word);
  const row = page.getByRole('row').filter({ hasText: `Sales may read ${word}` });
  await row.waitFor();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Draft' }).click();
  await page.getByText('No article matches').waitFor();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Published' }).click();
  await row.click();
  await page.getByRole('heading', { name: `Sales may read ${word}`, exact: true }).waitFor();
  await page.getByText('published', { exact: true }).waitFor();
  for (const control of [page.getByRole('link', { name: 'Edit' }), page.getByRole('button', { name: 'Delete' }), page.getByRole('switch')]) {
    expect(await control.count()).toBe(0);
  }
  await screenshot(page, 'knowledge-04-read-only-for-sales');
  // No edit page is registered for sales: its address leads back to the list (the show page has no rows).
  await page.goto(`/#/knowledge-articles/${article.body.id}/edit`);
  await page.getByRole('row').filter({ hasText: `Sales may read ${word}` }).waitFor();
  expect(await page.getByRole('textbox', { name: 'Title' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'New article' }).count()).toBe(0);
});
