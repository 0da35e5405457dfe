// A long-term contract's renewals on the time-skipping server: its last day set on the signed
// contract (then brought forward: the first renewal gives way to the new one), the renewal task a
// notice period before it for the account owner, renewed for a year, and the next renewal left
// undecided until the contract lapses. Bad input to the term is a 4xx naming the field.
import { startHarness, type Harness } from '../../support/harness';
import { eventually } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';
import { sleepUntil as skipTo } from '../../support/time-skipping';
import { renewalTimes, renewedUntil } from '../../../workflows/retention/renewals';
import { retentionJourney } from '../../../workflows/retention/workflow';

const DAY = 24 * 60 * 60 * 1000;
const NOTICE_DAYS = 45;

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true, env: { RETENTION_RENEWAL_NOTICE_DAYS: String(NOTICE_DAYS) } });
  drive = journeyDriver(h);
}, 180_000);
afterAll(() => h?.stop());

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

it('asks the owner before the last day, runs a renewed contract on, and records a renewal nobody decided as lapsed', async () => {
  const { deliveryId, projectId, customerId } = await drive.projectInProgress();
  const retentionId = `journey:${customerId}:retention:1`;
  await h.env.client.workflow.start(retentionJourney, { taskQueue: h.taskQueue, workflowId: retentionId, args: [{ journeyId: retentionId, customerId, handOver: { projectId, deliveryJourneyId: deliveryId } }] });
  const owner = h.users.success.id;
  await eventually(() => h.db.clientAccount.findUnique({ where: { customerId } }), Boolean);
  expect((await h.as('manager')('PATCH', `/api/customers/${customerId}/account`, { ownerId: owner })).status).toBe(200);
  await drive.complete('success', retentionId, 'onboarding-checklist', { operationalContacts: [{ name: 'Robert King', contactFor: 'Anything technical' }], clientContacts: [], recognition: 'A card' });

  const contract = await h.db.contract.findFirstOrThrow({ where: { journey: { customerId }, status: 'SIGNED' } });
  const term = (body: unknown, role: Parameters<Harness['as']>[0] = 'success', id = contract.id) => h.as(role)('PATCH', `/api/contracts/${id}`, body);
  const t0 = await h.env.currentTimeMs();

  // Refused: a day passed, not a date, an unknown field, a role that does not agree terms, no such contract.
  expect(await term({ endsOn: '2020-01-31' })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'endsOn' }] } } });
  expect(await term({ endsOn: '31/01/2030' })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'endsOn' }] } } });
  expect(await term({ endsOn: '2030-02-30' })).toMatchObject({ status: 400 });
  expect(await term({ endsOn: null, price: 1 })).toMatchObject({ status: 400 });
  expect((await term({ endsOn: isoDay(t0 + 400 * DAY) }, 'finance')).status).toBe(403);
  expect((await term({ endsOn: isoDay(t0 + 400 * DAY) }, 'success', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  expect((await term({ endsOn: isoDay(t0 + 400 * DAY) }, 'success', 'not-a-contract')).status).toBe(404);

  // A term of 400 days, then brought forward to 150: the second is the one renewed.
  expect(await term({ endsOn: isoDay(t0 + 400 * DAY) }, 'sales')).toMatchObject({ status: 200, body: { id: contract.id, endsOn: isoDay(t0 + 400 * DAY), renewals: [] } });
  const first = isoDay(t0 + 150 * DAY);
  expect(await term({ endsOn: first })).toMatchObject({ status: 200, body: { endsOn: first } });
  expect(await term({ endsOn: first })).toMatchObject({ status: 200, body: { endsOn: first } }); // again: nothing changes
  const account = async () => (await h.as('success')('GET', `/api/customers/${customerId}/account`)).body;
  expect((await account()).contracts).toEqual([expect.objectContaining({ id: contract.id, endsOn: first, renewals: [] })]);

  const renewalTasks = () => h.db.task.findMany({ where: { journeyId: retentionId, type: 'contract-renewal' }, orderBy: { createdAt: 'asc' } });
  const firstTimes = renewalTimes(first, NOTICE_DAYS);
  await skipTo(h.env, firstTimes.noticeAt - DAY);
  expect(await renewalTasks()).toEqual([]);
  await skipTo(h.env, firstTimes.noticeAt + 60_000);
  const [asked] = await eventually(renewalTasks, (ts) => ts.length === 1);
  expect(asked).toMatchObject({ status: 'OPEN', assignee: owner, role: 'success', title: expect.stringContaining(`contract ending ${first}`), input: expect.objectContaining({ contractId: contract.id, endsOn: first }) });

  // Renewed without saying for how long: refused on the field. Renewed for a year: the contract runs on.
  const incomplete = await h.as('success')('POST', `/api/tasks/${asked!.id}/complete`, { result: { outcome: 'renewed' } });
  expect(incomplete).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'result.months' }] } } });
  expect((await h.as('success')('POST', `/api/tasks/${asked!.id}/complete`, { result: { outcome: 'renewed', months: 12, notes: 'Same terms, one more year' } })).status).toBe(200);
  const second = renewedUntil(first, 12);
  await eventually(() => h.db.contract.findUniqueOrThrow({ where: { id: contract.id } }), (c) => isoDay(c.endsOn!.getTime()) === second);
  expect(await h.db.contractRenewal.findMany({ where: { contractId: contract.id } })).toEqual([
    expect.objectContaining({ outcome: 'RENEWED', newEndsOn: new Date(`${second}T00:00:00Z`), decidedBy: owner, notes: 'Same terms, one more year' }),
  ]);

  // The next renewal: asked at its notice, left undecided, lapsed the day after the last day.
  const secondTimes = renewalTimes(second, NOTICE_DAYS);
  await skipTo(h.env, secondTimes.noticeAt + 60_000);
  await eventually(renewalTasks, (ts) => ts.length === 2 && ts[1]!.status === 'OPEN');
  await skipTo(h.env, secondTimes.endsAt + 60_000);
  const renewals = await eventually(
    () => h.db.contractRenewal.findMany({ where: { contractId: contract.id }, orderBy: { endsOn: 'asc' } }),
    (rs) => rs.length === 2,
  );
  expect(renewals.map((r) => [isoDay(r.endsOn.getTime()), r.outcome, r.newEndsOn && isoDay(r.newEndsOn.getTime()), r.decidedBy])).toEqual([
    [first, 'RENEWED', second, owner],
    [second, 'LAPSED', null, null],
  ]);
  expect((await renewalTasks()).map((t) => t.status)).toEqual(['COMPLETED', 'CANCELLED']);
  expect((await account()).contracts[0]).toMatchObject({ endsOn: second, renewals: [{ endsOn: second, outcome: 'LAPSED' }, { endsOn: first, outcome: 'RENEWED', newEndsOn: second }] });

  // The trail: both terms set, the renewal and the lapse; the 400-day term's notice never opened a task.
  const events = await h.db.journeyEvent.findMany({ where: { type: { in: ['contract_term_set', 'contract_renewed', 'contract_not_renewed', 'contract_lapsed'] } }, orderBy: { id: 'asc' } });
  expect(events.filter((e) => (e.data as { contractId?: string }).contractId === contract.id).map((e) => e.type)).toEqual(['contract_term_set', 'contract_term_set', 'contract_renewed', 'contract_lapsed']);
  // The journey still runs its cadence.
  expect((await h.env.client.workflow.getHandle(retentionId).describe()).status.name).toBe('RUNNING');
}, 600_000);
