// A new lead's first minutes: routed by project type to a salesperson (SALES_ROUTING), welcomed
// by email (the outbox, as no SMTP server is configured here), and the follow-up task is theirs.
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { lead } from '../../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { SALES_ROUTING: JSON.stringify({ 'Mobile App': 'sales@pivotal.test', 'Branding': 'pm@pivotal.test' }) } });
});
afterAll(() => h?.stop());

const followUpOf = (journeyId: string) =>
  eventually(() => h.db.task.findFirst({ where: { journeyId } }), (t) => t !== null).then((t) => t!);

it('gives a routed lead to its salesperson and welcomes the customer by name', async () => {
  const input = lead({ projectType: 'Mobile App' });
  const { body } = await h.as('anonymous')('POST', '/api/leads', input);
  const task = await followUpOf(body.journeyId);
  expect(task).toMatchObject({ role: 'sales', assignee: h.users.sales.id });
  expect(task.claimedAt).not.toBeNull();

  const email = await h.db.email.findUniqueOrThrow({ where: { key: `${body.journeyId}:welcome` } });
  expect(email).toMatchObject({ status: 'OUTBOX', to: input.email, template: 'welcome', journeyId: body.journeyId });
  expect(email.text).toContain('Sam Sales will call you');
  const outbox = await h.as('manager')('GET', `/api/emails?filter=${encodeURIComponent(JSON.stringify({ journeyId: body.journeyId }))}`);
  expect(outbox.body.map((e: any) => e.id)).toEqual([email.id]);

  // Held by its salesperson: in their "mine", not in the sales queue's unclaimed list.
  const mine = await h.as('sales')('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ queue: 'mine', journeyId: body.journeyId }))}`);
  expect(mine.body.map((t: any) => t.id)).toEqual([task.id]);
});

it('leaves unrouted leads, and leads routed to someone outside sales, in the sales queue', async () => {
  for (const projectType of ['Website Design', 'Branding']) {
    const { body } = await h.as('anonymous')('POST', '/api/leads', lead({ projectType }));
    const task = await followUpOf(body.journeyId);
    expect(task).toMatchObject({ role: 'sales', assignee: null });
    const email = await eventually(() => h.db.email.findUnique({ where: { key: `${body.journeyId}:welcome` } }), Boolean);
    expect(email!.text).toContain('One of our team will call you');
  }
});
