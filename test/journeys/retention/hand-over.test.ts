// The hand-over on the dev server: a customer's project signed off starts their retention journey
// (the delivery's child, outliving it), with the welcome email and the onboarding task; another
// hand-over signalled to the running journey is recorded once, however often it comes.
import { randomUUID } from 'node:crypto';
import { projectHandedOverSignal } from '../../../workflows/retention/messages';
import { quoteDraft } from '../../support/fixtures';
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness();
  drive = journeyDriver(h);
});
afterAll(() => h?.stop());

/** A project of a new customer, delivered and signed off (billed at completion). */
async function signedOff(email: string) {
  const { deliveryId, projectId, customerId } = await drive.projectInProgress({ email }, { ...quoteDraft, billing: 'COMPLETION' });
  await drive.deliverMilestone(deliveryId, 1);
  await drive.deliverMilestone(deliveryId, 2);
  await drive.answer(deliveryId, 'sign-off:1', 'accept');
  return { deliveryId, projectId, customerId };
}

it("starts the customer's retention journey at the sign-off, and the running journey takes further hand-overs", async () => {
  const first = await signedOff(`olga+${randomUUID()}@fjord.test`);
  const retentionId = `journey:${first.customerId}:retention:1`;
  const journey = await eventually(() => h.db.journey.findUnique({ where: { id: retentionId } }), Boolean);
  expect(journey).toMatchObject({ kind: 'retention', parentJourneyId: first.deliveryId, stage: 'onboarding', status: 'RUNNING' });
  const welcome = await eventually(() => h.db.email.findUnique({ where: { key: `${retentionId}:welcome` } }), Boolean);
  expect(welcome!.subject).toBe('Welcome: what happens after your project');
  expect(welcome!.text).toMatch(/warranty runs until \d{4}-\d{2}-\d{2}/);
  expect(welcome!.text).toContain('/customer/help/');
  await eventually(() => h.db.task.findFirst({ where: { journeyId: retentionId, type: 'onboarding-checklist', status: 'OPEN', role: 'success' } }), Boolean);
  expect((await h.as('sales')('GET', `/api/customers/${first.customerId}/account`)).body).toMatchObject({ stage: 'onboarding', status: 'RUNNING', owner: null, earlyCadence: 'biweekly', health: null });

  await drive.complete('success', retentionId, 'onboarding-checklist', { operationalContacts: [{ name: 'Robert King', contactFor: 'Anything technical' }], clientContacts: [], recognition: 'A card' });
  await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: retentionId } }), (j) => j.stage === 'first-90-days');
  // Another project's hand-over, as a later sign-off sends it (twice: a retried signal).
  const next = { projectId: randomUUID(), deliveryJourneyId: `journey:${first.customerId}:delivery:2` };
  const handle = h.env.client.workflow.getHandle(retentionId);
  await handle.signal(projectHandedOverSignal, next);
  await handle.signal(projectHandedOverSignal, next);
  const handOvers = await eventually(
    () => h.db.journeyEvent.findMany({ where: { journeyId: retentionId, type: 'project_handed_over' }, orderBy: { id: 'asc' } }),
    (events) => events.length === 2,
  );
  expect(handOvers.map((e) => (e.data as { projectId: string }).projectId)).toEqual([first.projectId, next.projectId]);
  expect(await h.db.journey.count({ where: { customerId: first.customerId, kind: 'retention' } })).toBe(1);
  expect(await h.db.email.count({ where: { journeyId: retentionId, key: { endsWith: ':welcome' } } })).toBe(1);
});
