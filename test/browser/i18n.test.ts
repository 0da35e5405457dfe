// The UI in English and French: a manager reads the menu, the dashboard and a list in English,
// switches to French with the app bar's language menu, reads the same places in French, and keeps
// French after a reload. A browser set to French opens the login page in French. In neither
// language does a screen show a catalogue key instead of words. Screenshots in French, desktop
// and phone, land in /tmp/i18n-shots (and screenshots/); nothing is wider than a phone.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { devUserEmail } from '../../api/auth/dev-users';
import { DEV_USER_PASSWORD } from '../../platform/config';
import { followUpQualified, lead } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { journeyDriver } from '../support/journey-driver';
import { PHONE, logIn, openApp, screenshot, startBrowserStack, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const DESKTOP = { width: 1280, height: 800 };
const SHOTS = '/tmp/i18n-shots';

/** A message's key where its words should be: "resources.tasks.fields.dueAt", "ra.action.save", "app.menu.analytics". */
const KEY = /\b(resources|ra|app)\.[a-z_-]+\.[a-zA-Z_.-]+/;

/** The page's visible text and the names it gives (labels, placeholders, titles) that look like catalogue keys. */
async function keysShown(page: Page): Promise<string[]> {
  const texts = await page.evaluate<string[]>(`(() => [
    document.body.innerText,
    ...[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? '')),
  ])()`);
  return texts.flatMap((text) => text.split('\n')).filter((line) => KEY.test(line));
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  await screenshot(page, `i18n-${name}`);
}

const lang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

/** The menu's entries, by their links' names. */
const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

it('reads English, switches to French with the language menu, keeps it after a reload, and shows no catalogue key', async () => {
  // A customer, so the customers list has rows and its columns' headers.
  await h.db.customer.create({ data: { companyName: uniqueCompany('Langues Studio'), contactName: 'Léa Langues', email: `${randomUUID()}@i18n.test`, phone: '+33 1 23 45 67 89' } });
  const page = await openApp(browser, h.baseUrl, '/', DESKTOP);
  await logIn(page, 'manager');
  expect(await lang(page)).toBe('en');
  for (const name of ['Inbox', 'Journeys', 'Customers', 'Analytics']) await menuItem(page, name).waitFor();
  await page.getByRole('heading', { name: 'Due next' }).waitFor();
  await page.getByRole('heading', { name: 'Recent notifications' }).waitFor();
  await page.getByText('My open tasks').waitFor();
  expect(await keysShown(page)).toEqual([]);
  await page.goto('/#/customers');
  await page.getByRole('columnheader', { name: 'Phone' }).waitFor();
  expect(await keysShown(page)).toEqual([]);
  await page.goto('/#/tasks');
  await page.getByRole('button', { name: 'Save view' }).waitFor();
  expect(await keysShown(page)).toEqual([]);

  // French, from the app bar: the button is named for the language in use.
  await page.goto('/#/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await page.getByRole('heading', { name: /^Bonjour, / }).waitFor();
  expect(await lang(page)).toBe('fr');
  for (const name of ['Boîte de réception', 'Parcours', 'Clients', 'Analyses']) await menuItem(page, name).waitFor();
  await page.getByRole('heading', { name: 'Prochaines échéances' }).waitFor();
  await page.getByRole('heading', { name: 'Notifications récentes' }).waitFor();
  await page.getByText('Mes tâches ouvertes').waitFor();
  await page.getByRole('button', { name: 'Français' }).waitFor();
  expect(await keysShown(page)).toEqual([]);
  await shoot(page, 'fr-desktop-dashboard');

  // Kept in the browser: a reload reads French.
  await page.reload();
  await page.getByRole('heading', { name: /^Bonjour, / }).waitFor();
  expect(await lang(page)).toBe('fr');

  // A field's label from resources.customers.fields, and react-admin's own words, in French.
  await page.goto('/#/customers');
  await page.getByRole('columnheader', { name: 'Téléphone' }).waitFor();
  expect(await keysShown(page)).toEqual([]);
  await shoot(page, 'fr-desktop-customers');
  await page.goto('/#/tasks');
  await page.getByRole('button', { name: 'Enregistrer la vue' }).waitFor();
  expect(await keysShown(page)).toEqual([]);
  await shoot(page, 'fr-desktop-tasks');

  // Back to English: the same words as before.
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Save view' }).waitFor();
  expect(await lang(page)).toBe('en');
});

it('follows a French browser from the login page on, and fits a phone in French', async () => {
  const context = await browser.newContext({ baseURL: h.baseUrl, viewport: PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  expect(await lang(page)).toBe('fr');
  expect(await keysShown(page)).toEqual([]);
  await shoot(page, 'fr-phone-login');
  await page.getByLabel('E-mail').fill(devUserEmail('manager'));
  await page.getByLabel('Mot de passe').fill(DEV_USER_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: /^Bonjour, / }).waitFor();
  expect(await keysShown(page)).toEqual([]);
  expect(await widerThanScreen(page)).toEqual([]);
  await shoot(page, 'fr-phone-dashboard');
  for (const [route, ready] of [
    ['/#/tasks', page.getByRole('button', { name: 'Enregistrer la vue' })],
    ['/#/journeys', page.getByRole('button', { name: 'Enregistrer la vue' })],
    ['/#/analytics', page.getByRole('heading', { name: 'Analyse des parcours' })],
    ['/#/knowledge-articles', page.getByPlaceholder('Rechercher des articles')],
  ] as const) {
    await page.goto(route);
    await ready.waitFor();
    expect(await keysShown(page)).toEqual([]);
    expect(await widerThanScreen(page)).toEqual([]);
    await shoot(page, `fr-phone-${route.slice(3)}`);
  }
  // The menu, opened on a phone.
  await page.getByRole('button', { name: /menu/i }).first().click();
  await menuItem(page, 'Boîte de réception').waitFor();
  await shoot(page, 'fr-phone-menu');
  await context.close();
});

it('reads a journey page and a ticket in French: headings, what it waits on, the timeline, the reply box and clocks, on a desktop and a phone', async () => {
  const companyName = uniqueCompany('Atelier Parcours');
  const { body } = await h.as('sales')('POST', '/api/leads', lead({ companyName, contactName: 'Paul Parcours' }));
  const journeyId = body.journeyId as string;
  // The follow-up done: the timeline has a completed task, the next stage, and the next task waited on.
  await journeyDriver(h).complete('sales', journeyId, 'follow-up-call', followUpQualified);
  await eventually(() => h.db.task.findFirst({ where: { journeyId, type: 'discovery-meeting', status: 'OPEN' } }), Boolean);

  const context = await browser.newContext({ baseURL: h.baseUrl, viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('E-mail').fill(devUserEmail('manager'));
  await page.getByLabel('Mot de passe').fill(DEV_USER_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: /^Bonjour, / }).waitFor();

  await page.goto(`/#/journeys/${journeyId}/show`);
  await page.getByRole('heading', { name: companyName, exact: true }).waitFor();
  for (const heading of ['En attente de', 'Tâches', 'Historique', 'Demande']) await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  const timeline = page.getByRole('list', { name: 'Historique' });
  await timeline.getByText(/^Entré dans l’étape /).first().waitFor();
  await timeline.getByText(/^A terminé /).waitFor();
  await timeline.getByText(/^Tâche créée : /).first().waitFor();
  // What it waits on: the discovery meeting, a task, for sales.
  await page.getByText(/^tâche pour .* · attend depuis /).waitFor();
  await page.getByText('Étape', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Annuler le parcours' }).waitFor();
  expect(await keysShown(page)).toEqual([]);
  await shoot(page, 'fr-desktop-journey');

  await page.setViewportSize(PHONE);
  await page.reload();
  await page.getByRole('heading', { name: companyName, exact: true }).waitFor();
  await shoot(page, 'fr-phone-journey');
  await page.getByRole('heading', { name: 'Historique', exact: true }).waitFor();
  expect(await widerThanScreen(page)).toEqual([]);

  // A ticket of the same customer: its conversation, reply box and clocks.
  const raised = await h.as('support')('POST', '/api/tickets', {
    customerId: body.customerId,
    subject: 'Le formulaire ne s’envoie plus',
    description: 'Depuis lundi, le formulaire de contact affiche une erreur.',
    category: 'technical',
    priority: 'high',
  });
  expect(raised.status).toBe(201);
  const ticket = (await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: raised.body.journeyId } }), Boolean))!;
  await page.setViewportSize(DESKTOP);
  await page.goto(`/#/tickets/${ticket.id}/show`);
  for (const heading of ['Conversation', 'Répondre au client', 'Délais (SLA)']) await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Envoyer et attendre le client' }).waitFor();
  await page.getByText('Première réponse', { exact: true }).waitFor();
  await page.getByText('haute', { exact: true }).first().waitFor();
  expect(await keysShown(page)).toEqual([]);
  await shoot(page, 'fr-desktop-ticket');
  await page.setViewportSize(PHONE);
  await page.reload();
  await page.getByRole('heading', { name: 'Conversation', exact: true }).waitFor();
  await shoot(page, 'fr-phone-ticket');
  expect(await widerThanScreen(page)).toEqual([]);
  await context.close();
});
