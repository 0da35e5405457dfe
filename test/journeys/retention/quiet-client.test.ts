// A client nobody is in touch with, on the time-skipping server (a file of its own: the server's
// clock is shared by a file, and the schedule counts from the day they became a client): no
// check-in held, so each is missed when the next falls due, and the check-in that finds no contact
// for RETENTION_QUIET_AFTER_DAYS (540) ends the relationship: LOST, a former client.
import { startHarness, type Harness } from '../../support/harness';
import { journeyDriver } from '../../support/journey-driver';
import { sleepUntil } from '../../support/time-skipping';
import { addMonths } from '../../../workflows/retention/cadence';
import { retentionJourney } from '../../../workflows/retention/workflow';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
  drive = journeyDriver(h);
}, 180_000);
afterAll(() => h?.stop());

it('ends the relationship when nobody has been in touch past the quiet threshold', async () => {
  const { deliveryId, projectId, customerId } = await drive.projectInProgress();
  const retentionId = `journey:${customerId}:retention:1`;
  const handle = await h.env.client.workflow.start(retentionJourney, {
    taskQueue: h.taskQueue,
    workflowId: retentionId,
    args: [{ journeyId: retentionId, customerId, handOver: { projectId, deliveryJourneyId: deliveryId }, historyLimit: 150 }],
  });
  await drive.complete('success', retentionId, 'onboarding-checklist', { operationalContacts: [{ name: 'Robert King', contactFor: 'Anything' }], clientContacts: [], recognition: 'A card' });
  const clientSince = (await h.db.customer.findUniqueOrThrow({ where: { id: customerId } })).clientSince!;
  // Nobody holds a check-in: the last contact is the hand-over. Quiet after 540 days, which the
  // check-in at month 24 (day 730) finds; the ten before it were each missed.
  await sleepUntil(h.env, addMonths(clientSince, 24).getTime() + 60_000);
  await expect(handle.result()).resolves.toMatchObject({ status: 'LOST', reason: expect.stringMatching(/^No contact for 7[23]\d days \(since \d{4}-\d{2}-\d{2}\)$/) });
  const checkIns = await h.db.checkIn.findMany({ where: { customerId }, orderBy: { dueAt: 'asc' } });
  expect(checkIns.map((c) => c.status)).toEqual(Array(10).fill('MISSED'));
  expect((await h.as('sales')('GET', `/api/customers/${customerId}`)).body).toMatchObject({ lifecycle: 'FORMER_CLIENT' });
  expect(await h.db.task.count({ where: { journeyId: retentionId, status: 'OPEN' } })).toBe(0);
}, 300_000);
