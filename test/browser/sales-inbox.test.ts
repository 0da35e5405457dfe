// A salesperson works a fresh lead's follow-up call in the browser, on the real stack: logs in,
// finds the task in "My queues", claims it, completes it through the form generated from the task
// type's JSON Schema (first meeting a server-side field error), and watches the journey move on. The
// app follows the system's dark mode and switches between light and dark.
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { lead } from '../support/fixtures';
import { startBrowserStack, logIn, openApp, screenshot, uniqueCompany } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const journeyStage = (journeyId: string) => h.db.journey.findUniqueOrThrow({ where: { id: journeyId } }).then((j) => j.stage);

it('logs in, claims the follow-up call from My queues, completes it and sees the journey reach discovery', async () => {
  const companyName = uniqueCompany('Bluebird Bakery');
  const { body } = await h.as('sales')('POST', '/api/leads', lead({ companyName, contactName: 'Bea Baker' }));
  const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: body.journeyId } }), (t) => t !== null);
  const title = `Call Bea Baker at ${companyName}`;
  expect(task!.title).toBe(title);

  const page: Page = await openApp(browser, h.baseUrl);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await screenshot(page, 'sales-01-login');

  // A wrong password is refused in place.
  await page.getByLabel('Email').fill('sales@pivotal.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Wrong email or password').waitFor();
  await logIn(page, 'sales');
  await screenshot(page, 'sales-02-dashboard');

  // The inbox: the task waits, unclaimed, in the sales queue. Newest first, it is at the top.
  await page.getByRole('menuitem', { name: 'Inbox' }).click();
  await page.getByRole('tab', { name: /My queues/ }).click();
  await page.getByRole('button', { name: /Sort by arrived/ }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await row.waitFor();
  await screenshot(page, 'sales-03-my-queues');

  await row.getByRole('button', { name: 'Claim' }).click();
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Release to queue' }).waitFor();
  await eventually(() => h.db.task.findUniqueOrThrow({ where: { id: task!.id } }), (t) => t.assignee === h.users.sales.id);

  // A note for whoever comes next: shown in the thread, stored once.
  await page.getByLabel('Add a comment').fill('Left a voicemail, calling back at 3');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.getByText('Left a voicemail, calling back at 3').waitFor();
  await eventually(() => h.db.taskComment.count({ where: { taskId: task!.id, authorId: h.users.sales.id } }), (n) => n === 1);

  // Disqualified without a reason: only the server knows that rule; its error shows under the input.
  await page.getByRole('radio', { name: 'Disqualified' }).check();
  await page.getByLabel('Notes').fill('Spoke for 20 minutes; keen to meet.');
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('Required when the lead is disqualified').waitFor();
  await screenshot(page, 'sales-04-server-field-error');
  expect((await h.db.task.findUniqueOrThrow({ where: { id: task!.id } })).status).toBe('OPEN');

  await page.getByRole('radio', { name: 'Qualified', exact: true }).check();
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByText('Task completed: the journey moves on').waitFor();
  await page.getByRole('heading', { name: 'Result', exact: true }).waitFor();
  await screenshot(page, 'sales-05-task-completed');
  const done = await h.db.task.findUniqueOrThrow({ where: { id: task!.id } });
  expect(done).toMatchObject({ status: 'COMPLETED', completedBy: h.users.sales.id, result: { outcome: 'qualified' } });

  // The journey page follows the journey: it reaches discovery, and the timeline says why.
  await page.getByRole('link', { name: /Acquisition journey/ }).click();
  await page.getByTestId('journey-stage').filter({ hasText: 'discovery' }).waitFor();
  await page.locator('[data-event-type="task_completed"]').filter({ hasText: title }).waitFor();
  await page.locator('[data-event-type="stage_entered"]').filter({ hasText: 'discovery' }).waitFor();
  await page.getByRole('link', { name: `Discovery meeting with ${companyName}` }).first().waitFor();
  await screenshot(page, 'sales-06-journey-discovery');
  expect(await journeyStage(body.journeyId)).toBe('discovery');
});

it('follows the system’s dark mode, and the app bar switches between light and dark', async () => {
  const page = await openApp(browser, h.baseUrl);
  await page.emulateMedia({ colorScheme: 'dark' });
  await logIn(page, 'sales');
  const toggle = page.getByRole('button', { name: 'Toggle light/dark mode' });
  await toggle.waitFor();
  // MUI paints the page's background from the theme: dark, then light once switched.
  const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  const brightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, n) => sum + Number(n), 0) / 3;
  expect(brightness(await background())).toBeLessThan(80);
  await screenshot(page, 'sales-07-dark-mode');
  await toggle.click();
  await eventually(background, (rgb) => brightness(rgb) > 200);
});
