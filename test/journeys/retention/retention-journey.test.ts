// Three years of one client on the time-skipping server: a lead won, its project under way, and its
// retention journey started as the hand-over would start it (hand-over.test.ts covers the hand-over
// itself on the dev server: this server stopped skipping time for a journey that was the child of a
// delivery already closed, 80 s a skipped fortnight and then none). A manager assigns the owner; onboarding;
// the bi-weekly check-ins (one missed), the quarterly reviews, then the annual reviews with the NPS
// survey; a detractor's score with a bad check-in puts the account at risk; a manager records that
// the customer leaves. Every check-in's due time is checked against the schedule worked out from
// the day they became a client; each run's history stays bounded (RETENTION_HISTORY_LIMIT is low
// here, so the journey continues as new several times); the trail is in PostgreSQL.
import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';
import { sleepUntil as skipTo } from '../../support/time-skipping';
import { addMonths } from '../../../workflows/retention/cadence';
import { renewedUntil } from '../../../workflows/retention/renewals';
import { retentionJourney } from '../../../workflows/retention/workflow';

const DAY = 24 * 60 * 60 * 1000;
const HISTORY_LIMIT = 150;

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  // At risk below 75: an NPS detractor (20 off) with a negative check-in (10 off) is 70.
  h = await startHarness({ timeSkipping: true, env: { RETENTION_AT_RISK_BELOW: '75' } });
  drive = journeyDriver(h);
}, 180_000);
afterAll(() => h?.stop());

const checkInForm = (sentiment: 'positive' | 'neutral' | 'negative' = 'positive') => ({
  channel: 'call',
  sentiment,
  notes: 'Spoke with the operations lead.',
  issuesRaised: sentiment === 'negative' ? ['Reports arrive late'] : [],
  opportunitiesFound: [],
  referralAsked: false,
});

const sleepUntil = (at: number) => skipTo(h.env, at);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

it('runs onboarding and three years of check-ins on the cadence, continuing as new, and ends when the customer leaves', async () => {
  const { deliveryId, projectId, customerId } = await drive.projectInProgress();
  const retentionId = `journey:${customerId}:retention:1`;
  await h.env.client.workflow.start(retentionJourney, { taskQueue: h.taskQueue, workflowId: retentionId, args: [{ journeyId: retentionId, customerId, handOver: { projectId, deliveryJourneyId: deliveryId }, historyLimit: HISTORY_LIMIT }] });
  const journey = await eventually(() => h.db.journey.findUnique({ where: { id: retentionId } }), Boolean);
  expect(journey).toMatchObject({ kind: 'retention', parentJourneyId: deliveryId, stage: 'onboarding' });
  const welcome = await eventually(() => h.db.email.findUnique({ where: { key: `${retentionId}:welcome` } }), Boolean);
  expect(welcome!.text).toContain('/customer/help/');

  // A manager assigns the owner; the owner may change the cadence but not the owner.
  const owner = h.users.success.id;
  expect((await h.as('success')('PATCH', `/api/customers/${customerId}/account`, { ownerId: owner })).status).toBe(403);
  expect(await h.as('manager')('PATCH', `/api/customers/${customerId}/account`, { ownerId: h.users.sales.id })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'ownerId' }] } } });
  expect(await h.as('manager')('PATCH', `/api/customers/${customerId}/account`, { earlyCadence: 'weekly', extra: 1 })).toMatchObject({ status: 400 });
  expect(await h.as('manager')('PATCH', `/api/customers/${customerId}/account`, { ownerId: owner })).toMatchObject({ status: 200, body: { owner: { id: owner }, earlyCadence: 'biweekly' } });

  const onboarding = await drive.complete('success', retentionId, 'onboarding-checklist', {
    operationalContacts: [{ name: 'Robert King', contactFor: 'Anything technical' }],
    clientContacts: [{ name: 'Anne Dodsworth', email: 'Anne@Northwind.test' }],
    recognition: 'A thank-you card from the team',
  });
  expect(onboarding.assignee).toBe(owner);
  const account = async () => (await h.as('success')('GET', `/api/customers/${customerId}/account`)).body;
  await eventually(account, (a) => a.onboardedAt !== null && a.nextCheckIn !== null);
  expect((await account()).contacts).toEqual([{ name: 'Anne Dodsworth', email: 'anne@northwind.test' }]);

  // The schedule from the day they became a client: days 14 to 84, months 3, 6 and 9, then yearly.
  const customer = await h.db.customer.findUniqueOrThrow({ where: { id: customerId } });
  const clientSince = customer.clientSince!;

  /** A ticket raised, resolved, confirmed and rated 5 by the customer; the ask it earns, answered "not now". */
  async function ratedFive() {
    const raised = await h.as('support')('POST', '/api/tickets', { customerId, subject: 'Export', description: 'The export is slow.', category: 'technical', priority: 'normal' });
    const ticketJourney = raised.body.journeyId as string;
    const ticket = (await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId: ticketJourney } }), Boolean))!;
    expect((await h.as('support')('POST', `/api/tickets/${ticket.id}/replies`, { id: randomUUID(), body: 'Fixed: exports stream now.', then: 'resolved' })).status).toBe(200);
    const page = await drive.emailedLink(ticketJourney, 'received');
    expect((await request(h.baseUrl, 'POST', page, { confirmResolved: true, nonce: 'confirm-top-rating' })).status).toBe(200);
    expect((await request(h.baseUrl, 'POST', await drive.emailedLink(ticketJourney, 'decision:satisfaction'), { rating: 5, comment: 'Quick and kind' })).status).toBe(200);
    const ask = await drive.emailedLink(retentionId, `decision:advocacy:top-rating:${ticket.id}`);
    expect((await request(h.baseUrl, 'POST', ask, { decision: 'not-now' })).status).toBe(200);
    await eventually(() => h.db.journeyEvent.count({ where: { journeyId: retentionId, type: 'advocacy_declined' } }), (n) => n === 1);
  }

  /** The customer answers the ask made on `occasion`: glad to, with words to publish; a lead sent through their link is won, and they are thanked. */
  async function referralWon(occasion: string) {
    const ask = await drive.emailedLink(retentionId, `decision:advocacy:${occasion}`);
    const unnamed = await request(h.baseUrl, 'POST', ask, { decision: 'glad-to', testimonial: 'They deliver what they promise.' });
    expect(unnamed).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'publishAs' }] } } });
    expect((await request(h.baseUrl, 'POST', ask, { decision: 'glad-to', testimonial: 'They deliver what they promise.', publishAs: 'Anne Dodsworth, COO' })).status).toBe(200);
    const email = await eventually(() => h.db.email.findUnique({ where: { key: `${retentionId}:advocacy:${occasion}:referral-link` } }), Boolean);
    const code = (await h.db.customer.findUniqueOrThrow({ where: { id: customerId } })).referralCode!;
    const page = new URL(/https?:\/\/\S+\/customer\/refer\/\S+/.exec(email!.text)![0]).pathname;
    expect(page).toBe(`/customer/refer/${code}`);
    expect(email!.text).toContain(code);
    // The referred person's form: refused on the field left out, then sent.
    const form = { contactName: 'Laura Callahan', companyName: 'Callahan Trading', email: 'laura@callahan.test', projectType: 'Web app', budgetRange: '$25K-$50K', timeline: '3 months', description: 'A customer portal', phone: '' };
    const post = (body: Record<string, string>) => fetch(new URL(page, h.baseUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const refused = await post({ ...form, email: '' });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('Please check what is marked below');
    expect(refusedPage).toContain('value="Callahan Trading"');
    expect((await post(form)).status).toBe(201);
    const inquiry = await eventually(() => h.db.inquiry.findFirst({ where: { customer: { email: form.email } } }), Boolean);
    expect(inquiry).toMatchObject({ referrerId: customerId, referralNote: null });
    await drive.qualify(inquiry!.journeyId);
    await drive.won(inquiry!.journeyId);
    await eventually(() => h.db.email.findFirst({ where: { template: 'referral-thanks', to: customer.email } }), Boolean);
  }
  const t0 = clientSince.getTime();
  const expected = [
    ...[1, 2, 3, 4, 5, 6].map((n) => ({ kind: 'check-in', dueAt: new Date(t0 + n * 14 * DAY) })),
    ...[3, 6, 9].map((m) => ({ kind: 'quarterly-review', dueAt: addMonths(clientSince, m) })),
    ...[12, 24, 36].map((m) => ({ kind: 'annual-review', dueAt: addMonths(clientSince, m) })),
  ];
  expect((await account()).nextCheckIn).toEqual({ kind: 'check-in', dueAt: expected[0]!.dueAt.toISOString() });

  // The sign-off earned the first ask, made once onboarding is done: the client is glad to refer us.
  await referralWon(`sign-off:${projectId}`);

  // A long-term contract: its last day 200 days on, so its renewal falls due (60 days before) in the first year.
  const contract = await h.db.contract.findFirstOrThrow({ where: { journey: { customerId }, status: 'SIGNED' } });
  const firstEnd = isoDay(t0 + 200 * DAY);
  expect((await h.as('sales')('PATCH', `/api/contracts/${contract.id}`, { endsOn: firstEnd })).status).toBe(200);
  const secondEnd = renewedUntil(firstEnd, 12);

  for (const [i, due] of expected.entries()) {
    await sleepUntil(due.dueAt.getTime() + 60_000);
    const iso = due.dueAt.toISOString();
    if (i === 2) continue; // day 42: nobody holds it, and it is missed when day 56's falls due
    if (i === 0) {
      // A check-in with bad values is refused field by field, and the task stays open.
      const task = await eventually(() => h.db.task.findFirst({ where: { journeyId: retentionId, type: 'check-in', status: 'OPEN' } }), Boolean);
      const bad = await h.as('success')('POST', `/api/tasks/${task!.id}/complete`, { result: { channel: 'fax', sentiment: 'great', notes: 'x', issuesRaised: 'none', opportunitiesFound: [], referralAsked: 'yes' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['result.channel', 'result.issuesRaised', 'result.referralAsked', 'result.sentiment']);
    }
    if (due.kind === 'annual-review') {
      const score = i === 10 ? 6 : 9;
      const link = await drive.emailedLink(retentionId, `decision:nps:${iso}`);
      expect((await request(h.baseUrl, 'POST', link, { score, comment: `A ${score}` })).status).toBe(200);
      await eventually(() => h.db.checkIn.findFirst({ where: { customerId, dueAt: due.dueAt } }), (c) => c?.nps === score);
    }
    // The month 6 review finds the renewal asked on day 140 and, not decided by day 170 (half the notice), with the managers:
    // a manager records it renewed for a year. The next one (asked on day ~505) is left to lapse.
    if (i === 7) {
      const renewal = await drive.complete('manager', retentionId, 'contract-renewal', { outcome: 'renewed', months: 12, notes: 'Another year, same terms' });
      expect(renewal).toMatchObject({ role: 'manager', input: expect.objectContaining({ endsOn: firstEnd }) });
    }
    // The first quarterly review and the first annual review send their reports.
    const sendReport = i === 6 || i === 9;
    const task = await drive.complete('success', retentionId, 'check-in', { ...checkInForm(i === 10 ? 'negative' : 'positive'), ...(sendReport && { sendReport: true }) });
    if (due.kind !== 'check-in') expect(task.input).toMatchObject({ reportId: expect.any(String) });
    if (sendReport) {
      const report = await eventually(() => h.db.accountReport.findUniqueOrThrow({ where: { id: (task.input as { reportId: string }).reportId } }), (r) => r.sentAt !== null);
      expect(report).toMatchObject({ kind: due.kind, periodEnd: due.dueAt, approvedBy: owner });
      // Month 3's report covers the first quarter, month 12's the first year: both from the day they became a client.
      expect(report.periodStart).toEqual(clientSince);
      const email = await h.db.email.findUniqueOrThrow({ where: { key: `account-report:${report.id}` } });
      expect(email.to).toBe(customer.email);
      const pdf = await fetch(new URL(new URL(/https?:\/\/\S+\/customer\/account-reports\/\S+/.exec(email.text)![0]).pathname, h.baseUrl));
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    }
    expect(task.title).toMatch(due.kind === 'annual-review' ? /^Annual service review with / : due.kind === 'quarterly-review' ? /^Quarterly review with / : /^Check in with /);
    expect(task.input).toMatchObject({ kind: due.kind, dueAt: iso });
    await eventually(() => h.db.checkIn.findFirst({ where: { customerId, dueAt: due.dueAt } }), (c) => c?.status === 'HELD');
    // Year two's detractor and bad check-in took the score to 70, under 75: the owner reviews the account.
    if (i === 10) await drive.complete('success', retentionId, 'at-risk-review', { outlook: 'watch', actions: 'A call every week until the reports arrive on time.' });
    // Half a year after month 12's ask, a ticket rated 5 of 5 earns another: the client says not now.
    if (i === 9) {
      await sleepUntil(addMonths(clientSince, 18).getTime());
      await ratedFive();
    }
  }

  // Every check-in, at its exact due time, held but the one missed.
  const checkIns = await h.db.checkIn.findMany({ where: { customerId }, orderBy: { dueAt: 'asc' } });
  expect(checkIns.map((c) => [c.kind, c.dueAt.toISOString(), c.status])).toEqual(expected.map((e, i) => [e.kind, e.dueAt.toISOString(), i === 2 ? 'MISSED' : 'HELD']));
  expect(checkIns.map((c) => c.nps)).toEqual([...Array(9).fill(null), 9, 6, 9]);

  // Six review reports, two of them sent; the testimonial kept with the name to publish it under.
  const reports = await h.db.accountReport.findMany({ where: { customerId }, orderBy: { periodEnd: 'asc' } });
  expect(reports.map((r) => [r.kind, r.periodEnd.toISOString(), r.sentAt !== null])).toEqual(expected.filter((e) => e.kind !== 'check-in').map((e, n) => [e.kind, e.dueAt.toISOString(), n === 0 || n === 3]));
  expect((await account()).testimonials).toEqual([expect.objectContaining({ wording: 'They deliver what they promise.', attribution: 'Anne Dodsworth, COO' })]);

  // The contract renewed at its first end, and lapsed at its second with nobody deciding.
  const renewals = await h.db.contractRenewal.findMany({ where: { contractId: contract.id }, orderBy: { endsOn: 'asc' } });
  expect(renewals.map((r) => [isoDay(r.endsOn.getTime()), r.outcome, r.newEndsOn && isoDay(r.newEndsOn.getTime())])).toEqual([
    [firstEnd, 'RENEWED', secondEnd],
    [secondEnd, 'LAPSED', null],
  ]);

  // Repeat business from a review: a new acquisition for the client at discovery, the child of the account.
  const repeat = await h.as('success')('POST', `/api/customers/${customerId}/account/opportunities`, { id: '00000000-0000-4000-8000-0000000000aa', projectType: 'Mobile app', budgetRange: '$50K', timeline: 'Next quarter', description: 'Found at the annual review', source: 'review' });
  expect(repeat.status).toBe(201);
  await eventually(() => h.db.journey.findUnique({ where: { id: repeat.body.journeyId } }), (j) => j?.parentJourneyId === retentionId && j.stage === 'discovery');
  // Still a client (the phase is the API's real clock's, not this server's skipped one).
  expect(['ONBOARDING', 'CLIENT_0_90_DAYS', 'CLIENT_90_DAYS_1_YEAR', 'ESTABLISHED']).toContain((await h.as('sales')('GET', `/api/customers/${customerId}`)).body.lifecycle);

  // One at-risk review, in the managers' queue, held and done by the owner.
  const atRisk = await h.db.task.findMany({ where: { journeyId: retentionId, type: 'at-risk-review' } });
  expect(atRisk.map((t) => [t.role, t.assignee, t.status, t.completedBy, t.title])).toEqual([['manager', owner, 'COMPLETED', owner, expect.stringMatching(/is at risk: health 70$/)]]);

  // A 503 says the Update may still be applied: a client checks by sending it again (a few times, as a
  // loaded server can miss the deadline twice), which then finds it ending (409).
  const leave = () => h.as('manager')('POST', `/api/customers/${customerId}/account/end`, { reason: 'Moved their work in-house' });
  let ending = await leave();
  for (let tries = 1; ending.status === 503 && tries < 5; tries++) ending = await leave();
  expect(ending.status === 202 ? ending.body : ending.body.error.message).toEqual(ending.status === 202 ? { status: 'ending' } : 'The relationship is ending');
  await expect(h.env.client.workflow.getHandle(retentionId).result()).resolves.toMatchObject({ status: 'LOST', reason: 'Moved their work in-house' });
  expect((await h.as('manager')('POST', `/api/customers/${customerId}/account/end`, { reason: 'Again' })).status).toBe(409);
  expect((await h.as('sales')('GET', `/api/customers/${customerId}`)).body).toMatchObject({ lifecycle: 'FORMER_CLIENT' });
  expect(await account()).toMatchObject({ status: 'LOST', endReason: 'Moved their work in-house', nextCheckIn: null });

  // The stage trail follows the client's phase; the whole story is in PostgreSQL.
  const events = await h.db.journeyEvent.findMany({ where: { journeyId: retentionId }, orderBy: { id: 'asc' } });
  expect(events.filter((e) => e.type === 'stage_entered').map((e) => (e.data as { stage: string }).stage)).toEqual(['onboarding', 'first-90-days', 'first-year', 'established']);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  expect([count('check_in_held'), count('check_in_missed'), count('nps_answered'), count('relationship_ended'), count('journey_ended')]).toEqual([11, 1, 3, 1, 1]);
  // Asked at the sign-off (glad to); not at month 3 (asked lately); after month 6's good review and month 12's promoter
  // score (each half a year on: no answer); at month 18 for a ticket rated 5 (not now); not at month 24 (at risk); after
  // month 36's promoter score (the customer left first).
  expect([count('advocacy_offered'), count('advocacy_unanswered'), count('advocacy_declined'), count('contract_renewed'), count('contract_lapsed')]).toEqual([1, 3, 1, 1, 1]);

  // Continued as new along the way, each run's history bounded.
  const runs: number[] = [];
  for (let runId: string | undefined = (await h.env.client.workflow.getHandle(retentionId).describe()).runId; runId; ) {
    const events: Array<{ workflowExecutionStartedEventAttributes?: { continuedExecutionRunId?: string | null } | null }> = (
      await h.env.client.workflow.getHandle(retentionId, runId).fetchHistory()
    ).events!;
    runs.push(events.length);
    runId = events[0]!.workflowExecutionStartedEventAttributes!.continuedExecutionRunId || undefined;
  }
  // A run hands over at the top of the loop once past the limit, so it ends within one check-in's worth of events of
  // it (a review with its report, an ask and a renewal beside it: up to about 150 more under load).
  expect(runs.length).toBeGreaterThan(3);
  expect(Math.max(...runs)).toBeLessThan(3 * HISTORY_LIMIT);
}, 600_000);
