// A manager's work in the browser, on the real dev server: reassigning a task whose SLA passed
// (follow-ups are due within seconds here, so they really escalate), reassigning tasks, moving
// their due dates and cancelling journeys in bulk, cancelling a journey, and retrying a failed one.
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { bugFailedJourney } from '../support/failed-journey';
import { eventually } from '../support/http';
import { lead } from '../support/fixtures';
import { startBrowserStack, logIn, openApp, screenshot, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
// ≈ 2 s to the follow-up's due time, which is also its SLA: it escalates to the manager queue.
startBrowserStack((started) => ({ h, browser } = started), { env: { FOLLOW_UP_DUE_HOURS: '0.0005' } });

async function newLead(label: string, contactName: string) {
  const companyName = uniqueCompany(label);
  const { body } = await h.as('sales')('POST', '/api/leads', lead({ companyName, contactName }));
  return { companyName, journeyId: body.journeyId as string };
}

async function asManager(): Promise<Page> {
  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'manager');
  return page;
}

it('reassigns an escalated, overdue follow-up to a salesperson', async () => {
  const { companyName, journeyId } = await newLead('Copperfield Crafts', 'Cole Copper');
  const title = `Call Cole Copper at ${companyName}`;
  const task = await eventually(
    () => h.db.task.findFirst({ where: { journeyId } }),
    (t) => t?.escalatedAt != null,
  );
  expect(task).toMatchObject({ role: 'manager', originalRole: 'sales', assignee: null });

  const page = await asManager();
  await screenshot(page, 'manager-01-dashboard');
  await page.getByRole('menuitem', { name: 'Inbox' }).click();
  await page.getByRole('tab', { name: /All open/ }).click();
  await page.getByRole('button', { name: 'Overdue' }).click();
  await page.getByRole('button', { name: 'Escalated' }).click();
  await page.getByRole('button', { name: /Sort by arrived/ }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByText('escalated').waitFor();
  await row.locator('[data-overdue]').waitFor();
  await screenshot(page, 'manager-02-escalated-overdue');

  await row.getByText(title).click();
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Reassign' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Assign to').click();
  await page.getByRole('option', { name: /Sam Sales/ }).click();
  await screenshot(page, 'manager-03-reassign-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Reassign' }).click();
  await page.getByText('Assigned to Sam Sales').waitFor();
  await dialog.waitFor({ state: 'detached' });
  await screenshot(page, 'manager-04-reassigned');

  const reassigned = await h.db.task.findUniqueOrThrow({ where: { id: task!.id } });
  expect(reassigned).toMatchObject({ assignee: h.users.sales.id, status: 'OPEN' });
  expect(await h.db.journeyEvent.count({ where: { journeyId, type: 'task_assigned', actor: h.users.manager.id } })).toBe(1);

  // And gives Sam until the next working day: a time in the past is refused on the field, the offer taken.
  await page.getByRole('button', { name: 'Change due date' }).click();
  const field = dialog.getByLabel('New due date');
  const offered = await field.inputValue();
  await field.fill('2020-01-01T09:00');
  await dialog.getByText('Must be in the future').waitFor();
  expect(await dialog.getByRole('button', { name: 'Change due date' }).isDisabled()).toBe(true);
  await field.fill(offered);
  await dialog.getByLabel('Reason (optional)').fill('Sam is at the fair today');
  await screenshot(page, 'manager-04b-change-due-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Change due date' }).click();
  await page.getByText('Due date changed').waitFor();
  const dueAt = await page.evaluate((local) => new Date(local).toISOString(), offered);
  expect((await h.db.task.findUniqueOrThrow({ where: { id: task!.id } })).dueAt.toISOString()).toBe(dueAt);
  expect(await h.db.notification.count({ where: { taskId: task!.id, kind: 'task_due_changed', recipientUserId: h.users.sales.id } })).toBe(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'manager-04c-task-phone', { fullPage: false });
  expect(await widerThanScreen(page)).toEqual([]);
});

it('reassigns tasks and cancels journeys in bulk, each with the reason on its own trail, and lists what was refused', async () => {
  const leads = [await newLead('Birchwood Bikes', 'Bo Birch'), await newLead('Cedar Cafe', 'Cy Cedar'), await newLead('Aspen Audio', 'Al Aspen')];
  const tasks = await Promise.all(leads.map((l) => eventually(() => h.db.task.findFirst({ where: { journeyId: l.journeyId } }), (t) => t?.escalatedAt != null)));
  const [bikes, cafe] = tasks.map((t) => t!);
  const page = await asManager();
  await page.getByRole('menuitem', { name: 'Inbox' }).click();
  await page.getByRole('tab', { name: /All open/ }).click();
  await page.getByRole('button', { name: /Sort by arrived/ }).click();
  for (const task of [bikes!, cafe!]) await page.getByRole('row').filter({ hasText: task.title }).getByRole('checkbox').check();

  // A PM does not work the sales queue: both refused, both still selected, and why.
  await page.getByRole('button', { name: 'Reassign' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Assign to').click();
  await page.getByRole('option', { name: /Priya PM/ }).click();
  await dialog.getByLabel('Reason').fill('Sales is short this week');
  await dialog.getByRole('button', { name: 'Assign to Priya PM' }).click();
  await dialog.getByTestId('bulk-summary').filter({ hasText: '2 not changed (still selected)' }).getByText(/Must be an active user of the sales queue or a manager/).first().waitFor();
  await screenshot(page, 'manager-10-bulk-refused', { fullPage: false });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Sam works sales: both his, one event each with the reason.
  await page.getByRole('button', { name: 'Reassign' }).click();
  await dialog.getByLabel('Assign to').click();
  await page.getByRole('option', { name: /Sam Sales/ }).click();
  await dialog.getByLabel('Reason').fill('Sam met them at the fair');
  await screenshot(page, 'manager-11-bulk-reassign', { fullPage: false });
  await dialog.getByRole('button', { name: 'Assign to Sam Sales' }).click();
  await page.getByText('2 tasks assigned to Sam Sales').waitFor();
  for (const task of [bikes!, cafe!]) {
    expect(await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ assignee: h.users.sales.id, status: 'OPEN' });
    const events = await h.db.journeyEvent.findMany({ where: { journeyId: task.journeyId, type: 'task_assigned' } });
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ taskId: task.id, assignee: h.users.sales.id, reason: 'Sam met them at the fair' })]);
  }

  // Both moved to the dialog's offer (the next working day at 17:00), one event each with the reason; neither is overdue now.
  for (const task of [bikes!, cafe!]) await page.getByRole('row').filter({ hasText: task.title }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Change due date' }).click();
  const due = await dialog.getByLabel('New due date').inputValue();
  const dueAt = await page.evaluate((local) => new Date(local).toISOString(), due);
  await dialog.getByLabel('Reason').fill('Waiting on their budget');
  await screenshot(page, 'manager-11b-bulk-due', { fullPage: false });
  await dialog.getByRole('button', { name: 'Change due date' }).click();
  await page.getByText(/^2 tasks now due /).waitFor();
  for (const task of [bikes!, cafe!]) {
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt.toISOString()).toBe(dueAt);
    const events = await h.db.journeyEvent.findMany({ where: { journeyId: task.journeyId, type: 'task_due_changed' } });
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ taskId: task.id, dueAt, reason: 'Waiting on their budget' })]);
    await page.getByRole('row').filter({ hasText: task.title }).locator('[data-overdue]').waitFor({ state: 'detached' });
  }

  // Two journeys cancelled at once; one ended (someone else cancelled it) while the dialog was open, and is refused with why.
  // (Cancelled before the dialog opened, the list's 30-second refresh could take it off the list first, and with it its name.)
  const [, cafeLead, audioLead] = leads;
  await page.getByRole('menuitem', { name: 'Journeys' }).click();
  for (const l of [cafeLead!, audioLead!]) await page.getByRole('row').filter({ hasText: l.companyName }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Cancel journeys' }).click();
  await dialog.getByLabel('Reason').fill('Duplicates of older enquiries');
  expect((await h.as('manager')('POST', `/api/journeys/${encodeURIComponent(audioLead!.journeyId)}/cancel`, { reason: 'Asked us to stop' })).status).toBe(200);
  await dialog.getByRole('button', { name: 'Cancel them' }).click();
  await dialog.getByTestId('bulk-summary').filter({ hasText: '1 journey cancelled' }).filter({ hasText: `Acquisition of ${audioLead!.companyName}` }).waitFor();
  await screenshot(page, 'manager-12-bulk-cancel', { fullPage: false });
  // Named as they were listed, though the cancelled one has left the running list.
  await dialog.getByText(`Acquisition of ${cafeLead!.companyName}, Acquisition of ${audioLead!.companyName}`, { exact: false }).waitFor();
  const ended = await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: cafeLead!.journeyId } }), (j) => j.status === 'CANCELLED');
  expect(ended).toMatchObject({ endReason: 'Duplicates of older enquiries', cancelledBy: h.users.manager.id });
  expect(await h.db.journey.findUniqueOrThrow({ where: { id: audioLead!.journeyId } })).toMatchObject({ status: 'CANCELLED', endReason: 'Asked us to stop' });
});

it('opens an escalation from the notification bell, which marks it read', async () => {
  const { companyName, journeyId } = await newLead('Elmwood Events', 'Eli Elm');
  const notification = await eventually(
    () => h.db.notification.findFirst({ where: { journeyId, kind: 'task_escalated' } }),
    (n) => n !== null,
  );

  const page = await asManager();
  await page.getByRole('button', { name: 'Notifications' }).click();
  const item = page.getByRole('menuitem', { name: new RegExp(`SLA breached: Call Eli Elm at ${companyName}`) });
  await item.waitFor();
  await screenshot(page, 'manager-05-notifications', { fullPage: false });
  await item.click();
  await page.getByRole('heading', { name: `Call Eli Elm at ${companyName}`, exact: true }).waitFor();
  await eventually(() => h.db.notification.findUniqueOrThrow({ where: { id: notification!.id } }), (n) => n.readAt !== null);
});

it('cancels a journey with a reason from the journey page', async () => {
  const { companyName, journeyId } = await newLead('Driftwood Designs', 'Dora Drift');
  await eventually(() => h.db.journey.findUnique({ where: { id: journeyId } }), (j) => j !== null);

  const page = await asManager();
  await page.getByRole('menuitem', { name: 'Journeys' }).click();
  // Newest journeys come first.
  await page.getByRole('row').filter({ hasText: companyName }).click();
  await page.getByRole('heading', { name: companyName, exact: true }).waitFor();
  await screenshot(page, 'manager-06-journey-running');

  await page.getByRole('button', { name: 'Cancel journey' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('The customer chose another agency');
  await screenshot(page, 'manager-07-cancel-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cancel journey' }).click();
  await dialog.waitFor({ state: 'detached' });

  // The page follows the journey to its end: status, reason, and the end in its timeline.
  await page.getByText('cancelled', { exact: true }).first().waitFor();
  await page.locator('[data-event-type="journey_ended"]').filter({ hasText: 'The customer chose another agency' }).waitFor();
  await page.getByRole('button', { name: 'Cancel journey' }).waitFor({ state: 'detached' });
  await screenshot(page, 'manager-08-journey-cancelled');
  // The acquisition map, all of it, with the journey stopped in its first stage; on a phone too.
  const map = page.getByTestId('journey-map');
  const visited = await map.locator('[data-stage]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-stage')}:${e.getAttribute('data-visited')}`));
  expect(visited).toEqual(['inquiry:true', 'discovery:false', 'proposal:false', 'customer-review:false', 'contract:false', 'deposit:false', 'delivery:false']);
  await map.getByText('Cancelled', { exact: true }).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'manager-09-journey-cancelled-phone');

  const journey = await h.db.journey.findUniqueOrThrow({ where: { id: journeyId } });
  expect(journey).toMatchObject({ status: 'CANCELLED', endReason: 'The customer chose another agency', cancelledBy: h.users.manager.id });
});

it('finds a failed journey under Failed, with why and when, and retries it from its page', async () => {
  // A bug fails it at once (and again after the retry: the bug is still there).
  const companyName = uniqueCompany('Quartz Quarry');
  const journeyId = await bugFailedJourney(h, lead({ companyName, contactName: 'Quinn Quartz' }));

  const page = await asManager();
  await page.getByRole('menuitem', { name: 'Journeys' }).click();
  await page.getByRole('tab', { name: /Failed/ }).click();
  const row = page.getByRole('row').filter({ hasText: companyName });
  await row.getByText('Journey code threw RangeError: Invalid time value').waitFor();
  await row.getByText(/ago|now/).waitFor();
  await screenshot(page, 'manager-09-failed-journeys');

  await row.getByText(companyName).click();
  await page.getByRole('heading', { name: companyName, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Retry' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Journey code threw RangeError: Invalid time value').waitFor();
  await dialog.getByLabel('Reason').fill('Deployed the fix for due dates');
  await screenshot(page, 'manager-10-retry-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Retry journey' }).click();
  await dialog.waitFor({ state: 'detached' });

  // Retried by the manager, with the reason, on its timeline; the bug is still there, so it fails again.
  await page.locator('[data-event-type="journey_retried"]').filter({ hasText: 'Deployed the fix for due dates' }).waitFor();
  await eventually(() => h.db.journeyEvent.count({ where: { journeyId, type: 'journey_failed' } }), (n) => n === 2);
  expect(await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId, type: 'journey_retried' } })).toMatchObject({ actor: h.users.manager.id });
  await screenshot(page, 'manager-11-journey-retried');
});
