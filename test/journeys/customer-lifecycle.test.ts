// The customer's lifecycle and the journeys' parent links, through the real workflows on the dev
// server. A client who asks for new work stays a client, and when that second quote is declined the
// journey ends LOST while the customer stays where they were. A delivery hangs under the acquisition
// that won it, a billing journey under its delivery, and the journey page links both ways.
import { startHarness, type Harness } from '../support/harness';
import { eventually, request } from '../support/http';
import { approveReview, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness();
  drive = journeyDriver(h);
});
afterAll(() => h?.stop());

const customer = async (id: string) => (await h.as('sales')('GET', `/api/customers/${id}`)).body;
const journey = async (id: string) => (await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(id)}`)).body;
const customerIdsIn = async (filter: object) =>
  (await h.as('sales')('GET', `/api/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body.map((c: { id: string }) => c.id);

it('keeps a client a client through a new inquiry and the decline of its quote', async () => {
  const first = await drive.qualifiedLead();
  const { customerId } = first;
  expect(await customer(customerId)).toMatchObject({ lifecycle: 'ACTIVE_LEAD', clientSince: null });

  // Won: a client from the project's creation, onboarding until the kickoff.
  const { deliveryId, projectId } = await drive.won(first.journeyId);
  const wonAt = (await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).createdAt.toISOString();
  expect(await customer(customerId)).toMatchObject({ lifecycle: 'ONBOARDING', lifecycleSince: wonAt, clientSince: wonAt });
  await drive.kickedOff(deliveryId);
  const kickedOffAt = (await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).kickoffAt!.toISOString();
  const client = { lifecycle: 'CLIENT_0_90_DAYS', lifecycleSince: kickedOffAt, clientSince: wonAt };
  expect(await customer(customerId)).toMatchObject(client);

  // The client asks for more work: a second acquisition journey, and still a client.
  const again = await h.as('anonymous')('POST', '/api/leads', { ...first.input, description: 'A mobile app to go with it.' });
  expect(again).toMatchObject({ status: 201, body: { customerId, journeyId: expect.stringMatching(/:acquisition:2$/) } });
  const second: string = again.body.journeyId;
  await eventually(() => h.db.journey.findUnique({ where: { id: second } }), Boolean);
  expect(await customer(customerId)).toMatchObject(client);

  // The customer declines the second quote: that journey is LOST, the customer is not.
  await drive.qualify(second);
  await drive.complete('sales', second, 'prepare-quote', quoteDraft);
  await drive.complete('pm', second, 'review-estimates', approveReview);
  await drive.complete('finance', second, 'review-pricing', approveReview);
  expect((await request(h.baseUrl, 'POST', await drive.quoteLink(second, 1), { decision: 'decline', comments: 'Not this year' })).status).toBe(200);
  await expect(h.env.client.workflow.getHandle(second).result()).resolves.toMatchObject({ status: 'LOST' });
  const after = await customer(customerId);
  expect(after).toMatchObject(client);
  expect(Object.fromEntries(after.journeys.map((j: { id: string; status: string }) => [j.id, j.status]))).toEqual({
    [first.journeyId]: 'COMPLETED',
    [deliveryId]: 'RUNNING',
    [second]: 'LOST',
  });

  // The list's filter agrees with what the customer shows.
  expect(await customerIdsIn({ email: first.input.email, lifecycle: 'CLIENT_0_90_DAYS' })).toEqual([customerId]);
  expect(await customerIdsIn({ email: first.input.email, lifecycle: 'PROSPECT' })).toEqual([]);
  expect(await customerIdsIn({ email: first.input.email, lifecycle: 'ACTIVE_LEAD' })).toEqual([]);
});

it('keeps a lost lead a prospect, and makes them an active lead again when they come back', async () => {
  const lead = await drive.qualifiedLead();
  await h.as('manager')('POST', `/api/journeys/${encodeURIComponent(lead.journeyId)}/cancel`, { reason: 'Went with another agency' });
  await expect(h.env.client.workflow.getHandle(lead.journeyId).result()).resolves.toMatchObject({ status: 'CANCELLED' });
  const endedAt = (await h.db.journey.findUniqueOrThrow({ where: { id: lead.journeyId } })).endedAt!.toISOString();
  expect(await customer(lead.customerId)).toMatchObject({ lifecycle: 'PROSPECT', lifecycleSince: endedAt });

  const back = await h.as('anonymous')('POST', '/api/leads', lead.input);
  expect(back.status).toBe(201);
  const startedAt = (await eventually(() => h.db.journey.findUnique({ where: { id: back.body.journeyId } }), Boolean))!.startedAt.toISOString();
  expect(await customer(lead.customerId)).toMatchObject({ lifecycle: 'ACTIVE_LEAD', lifecycleSince: startedAt });
});

it('links each journey to the one that started it', async () => {
  const { acquisitionId, deliveryId } = await drive.projectInProgress();
  await drive.deliverMilestone(deliveryId, 1);
  const billing = await eventually(() => h.db.journey.findFirst({ where: { parentJourneyId: deliveryId } }), Boolean);
  expect(billing).toMatchObject({ kind: 'billing', id: `${deliveryId.replace(':delivery:', ':billing:')}.m1` });

  expect(await journey(acquisitionId)).toMatchObject({ parentJourneyId: null, children: [{ id: deliveryId, kind: 'delivery', status: 'RUNNING' }] });
  expect(await journey(deliveryId)).toMatchObject({ parentJourneyId: acquisitionId, children: [{ id: billing!.id, kind: 'billing', status: 'RUNNING' }] });
  expect(await journey(billing!.id)).toMatchObject({ parentJourneyId: deliveryId, children: [] });
});
