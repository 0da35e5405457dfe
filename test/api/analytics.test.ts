// The analytics routes over a dataset whose every figure is worked out by hand below, from the
// tables in test/support/analytics-dataset.ts: journeys written straight into the projection for a
// project type of this run's own, so other files' rows never count. Then a lead taken
// through the real acquisition journey, whose recorded stages the funnel counts. Then bad input
// (400 per field), roles, and CSV.
import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from '../support/harness';
import { eventually } from '../support/http';
import { journeyDriver } from '../support/journey-driver';
import { COMPLETE, seedAnalyticsDataset, seedRetentionClients } from '../support/analytics-dataset';
import { bottlenecks } from '../../api/analytics/bottlenecks';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedAnalyticsDataset(h.db, SEGMENT);
});
afterAll(() => h?.stop());

const SEGMENT = `Analytics ${randomUUID()}`;
const q = (params: Record<string, string>) => new URLSearchParams({ projectType: SEGMENT, ...params }).toString();
const get = (path: string, params: Record<string, string>) => h.as('manager')('GET', `${path}?${q(params)}`);

const SPRING = { from: '2025-03-01', to: '2025-05-01' };

describe('GET /api/analytics/funnel', () => {
  it('counts each stage reached, conversion to the next, targets and drop-offs', async () => {
    const res = await get('/api/analytics/funnel', { ...SPRING, kind: 'acquisition' });
    expect(res.status).toBe(200);
    // Started 10 (not the other project type's, not February's); running J7, J9, J10; won J1, J2; lost J3, J4, J5, J6, J8.
    expect(res.body.totals).toEqual({ started: 10, running: 3, completed: 2, lost: 5, cancelled: 0, failed: 0 });
    const row = (stage: string) => res.body.stages.find((s: any) => s.stage === stage);
    expect(res.body.stages.map((s: any) => s.stage)).toEqual([...COMPLETE]);
    // Reached: inquiry all 10; discovery J1-4, J7, J8, J10 = 7; proposal and review J1-4, J8, J10 = 6 (J2's
    // second visits count once); contract J1, J2, J8, J10 = 4; deposit J1, J2, J10 = 3; delivery J1, J2 = 2.
    expect(res.body.stages.map((s: any) => [s.reached, s.convertedToNext])).toEqual([
      [10, 7],
      [7, 6],
      [6, 6],
      [6, 4],
      [4, 3],
      [3, 2],
      [2, 2], // delivery → COMPLETED
    ]);
    expect(row('inquiry')).toMatchObject({ conversion: 0.7, inStageNow: 1, droppedOff: 2, dropOffReasons: [{ status: 'LOST', reason: 'Disqualified at follow-up', journeys: 2 }] });
    expect(row('discovery')).toMatchObject({ inStageNow: 1, droppedOff: 0 });
    expect(row('customer-review')).toMatchObject({ conversion: 4 / 6, droppedOff: 2, dropOffReasons: [{ status: 'LOST', reason: 'Declined: price', journeys: 2 }] });
    expect(row('contract')).toMatchObject({ droppedOff: 1, dropOffReasons: [{ status: 'LOST', reason: 'Contract not signed in time', journeys: 1 }] });
    expect(row('deposit')).toMatchObject({ inStageNow: 1, next: 'delivery' });
    expect(row('delivery')).toMatchObject({ next: 'COMPLETED', conversion: 1 });
    // Lead → proposal 6/10 = 60% (band 40-50: above); proposal → contract 4/6 = 66.7% (60-70: in);
    // contract → project 2/4 = 50% (80-90: below).
    expect(res.body.targets).toEqual([
      { label: 'Lead → proposal', from: 'inquiry', to: 'proposal', low: 40, high: 50, reached: 10, converted: 6, rate: 0.6, verdict: 'above' },
      { label: 'Proposal → contract', from: 'proposal', to: 'contract', low: 60, high: 70, reached: 6, converted: 4, rate: 4 / 6, verdict: 'in' },
      { label: 'Contract → project', from: 'contract', to: 'delivery', low: 80, high: 90, reached: 4, converted: 2, rate: 0.5, verdict: 'below' },
    ]);
  });

  it('is generic over kinds: the delivery map and project → payment', async () => {
    const res = await get('/api/analytics/funnel', { ...SPRING, kind: 'delivery' });
    // D1 kicked off and completed (paid), D2 kicked off and in plan review: 1/2 = 50%, below 95-98%.
    expect(res.body.stages.map((s: any) => [s.stage, s.reached])).toEqual([
      ['kickoff', 2],
      ['plan-review', 2],
      ['in-progress', 1],
      ['sign-off', 1],
      ['billing', 1],
    ]);
    expect(res.body.targets).toEqual([
      { label: 'Project → payment', from: 'kickoff', to: 'COMPLETED', low: 95, high: 98, reached: 2, converted: 1, rate: 0.5, verdict: 'below' },
    ]);
  });

  it('narrows to the period: March alone is J1-J5', async () => {
    const res = await get('/api/analytics/funnel', { from: '2025-03-01', to: '2025-04-01' });
    expect(res.body.totals).toEqual({ started: 5, running: 0, completed: 2, lost: 3, cancelled: 0, failed: 0 });
    // Lead → proposal: J1-J4 of 5.
    expect(res.body.targets[0]).toMatchObject({ reached: 5, converted: 4, rate: 0.8, verdict: 'above' });
  });
  it('narrows to a segment: source and budget range', async () => {
    const started = async (params: Record<string, string>) => (await get('/api/analytics/funnel', { ...SPRING, ...params })).body.totals.started;
    // Every customer of the dataset was new when they asked (none a client before); all asked with $10K-$50K.
    expect(await started({ source: 'new' })).toBe(10);
    expect(await started({ source: 'returning' })).toBe(0);
    expect(await started({ source: 'referral' })).toBe(0);
    expect(await started({ budgetRange: '$10K-$50K' })).toBe(10);
    expect(await started({ budgetRange: '$50K+' })).toBe(0);
    // J9's customer made a client before J9 came in: returning.
    const j9 = await h.db.inquiry.findFirstOrThrow({ where: { projectType: SEGMENT, receivedAt: new Date(Date.UTC(2025, 3, 14)) } });
    await h.db.customer.update({ where: { id: j9.customerId }, data: { clientSince: new Date(Date.UTC(2024, 0, 1)) } });
    // J9 came with a referral from J1's customer: the one referral.
    const j1 = await h.db.inquiry.findFirstOrThrow({ where: { projectType: SEGMENT, receivedAt: new Date(Date.UTC(2025, 2, 11)) } });
    await h.db.inquiry.update({ where: { id: j9.id }, data: { referrerId: j1.customerId } });
    try {
      expect([await started({ source: 'new' }), await started({ source: 'returning' }), await started({ source: 'referral' })]).toEqual([9, 1, 1]);
    } finally {
      await h.db.customer.update({ where: { id: j9.customerId }, data: { clientSince: null } });
      await h.db.inquiry.update({ where: { id: j9.id }, data: { referrerId: null } });
    }
  });
});

describe('GET /api/analytics/cycle-times', () => {
  it('gives p50 and p90 per stage and end to end, by month, and waiting per wait kind and role', async () => {
    const res = await get('/api/analytics/cycle-times', { ...SPRING, kind: 'acquisition' });
    expect(res.status).toBe(200);
    // Hours per journey in each stage (open visits left out; J2's two proposal and review visits summed):
    //   inquiry   J1 10, J2 20, J3 30, J4 40, J5 24, J6 48, J7 5, J8 10, J10 10 → sorted 5 10 10 10 20 24 30 40 48:
    //             p50 the 5th = 20; p90 at 0.9 × 8 = 7.2: 40 + 0.2 × 8 = 41.6
    //   discovery J1 20, J2 30, J3 30, J4 20, J8 10, J10 10 → 10 10 20 20 30 30: p50 20, p90 at 4.5: 30
    //   proposal  J1 10, J2 10+10, J3 10, J4 20, J8 10, J10 10 → 10 10 10 10 20 20: p50 10, p90 20
    //   review    J1 20, J2 10+20, J3 30, J4 10, J8 10, J10 5 → 5 10 10 20 30 30: p50 15, p90 30
    //   contract  J1 10, J2 10, J8 10, J10 10; deposit J1 10, J2 10; delivery J1 10, J2 10
    //   end to end (completed): J1 90, J2 130: p50 110, p90 90 + 0.9 × 40 = 126
    expect(res.body.stages).toEqual([
      { stage: 'inquiry', journeys: 9, p50Hours: 20, p90Hours: 41.6 },
      { stage: 'discovery', journeys: 6, p50Hours: 20, p90Hours: 30 },
      { stage: 'proposal', journeys: 6, p50Hours: 10, p90Hours: 20 },
      { stage: 'customer-review', journeys: 6, p50Hours: 15, p90Hours: 30 },
      { stage: 'contract', journeys: 4, p50Hours: 10, p90Hours: 10 },
      { stage: 'deposit', journeys: 2, p50Hours: 10, p90Hours: 10 },
      { stage: 'delivery', journeys: 2, p50Hours: 10, p90Hours: 10 },
      { stage: 'end-to-end', journeys: 2, p50Hours: 110, p90Hours: 126 },
    ]);
    // By month: inquiry in March J1-J5 → 10 20 24 30 40, p50 24; in April J6 48, J7 5, J8 10, J10 10 → p50 10.
    const month = (m: string, stage: string) => res.body.byMonth.find((r: any) => r.month === m && r.stage === stage);
    expect(month('2025-03', 'inquiry')).toEqual({ month: '2025-03', stage: 'inquiry', journeys: 5, p50Hours: 24, p90Hours: 36 });
    expect(month('2025-04', 'inquiry')).toEqual({ month: '2025-04', stage: 'inquiry', journeys: 4, p50Hours: 10, p90Hours: 36.6 });
    expect(month('2025-03', 'end-to-end')).toMatchObject({ journeys: 2, p50Hours: 110 });
    expect(month('2025-04', 'end-to-end')).toBeUndefined();
    // Waits (ended ones timed): task J1 8, J2 20, J3 30, J7 open → p50 20, p90 at 1.8: 20 + 0.8 × 10 = 28, total 58;
    // approval J1 20, J2 10, 20 → p50 20, p90 20, total 50; signature J10 10; payment J10 open.
    expect(res.body.byWaitKind).toEqual([
      { waitKind: 'task', waits: 4, open: 1, p50Hours: 20, p90Hours: 28, totalHours: 58 },
      { waitKind: 'approval', waits: 3, open: 0, p50Hours: 20, p90Hours: 20, totalHours: 50 },
      { waitKind: 'signature', waits: 1, open: 0, p50Hours: 10, p90Hours: 10, totalHours: 10 },
      { waitKind: 'payment', waits: 1, open: 1, p50Hours: null, p90Hours: null, totalHours: 0 },
    ]);
    // By role: the customer's 20 10 20 10 (+ the open payment) → p50 15, p90 at 2.7: 20, total 60; sales as tasks.
    expect(res.body.byRole).toEqual([
      { role: 'customer', waits: 5, open: 1, p50Hours: 15, p90Hours: 20, totalHours: 60 },
      { role: 'sales', waits: 4, open: 1, p50Hours: 20, p90Hours: 28, totalHours: 58 },
    ]);
  });
});

describe('GET /api/analytics/bottlenecks', () => {
  it('ranks stages and roles by hours waited in April, against March', async () => {
    const res = await get('/api/analytics/bottlenecks', { from: '2025-04-01', to: '2025-05-01', kind: 'acquisition' });
    expect(res.status).toBe(200);
    // The previous period is the 30 days before April: 2 March to 1 April.
    expect(res.body.previousFrom).toBe('2025-03-02T00:00:00.000Z');
    // April, counted to 1 May: J7's open task from 12 April 05:00 = 451 h, past its deadline (discovery);
    // J10's open payment from 16 April 21:00 = 339 h, past its deadline (deposit); J10's signature 10 h (contract).
    // March: inquiry J1 8 + J2 20 + J3 30 = 58 h, J3's late; customer review J1 20 + J2 10 + 20 = 50 h, J1's late.
    const stage = (s: string, current: [number, number, number], previous: [number, number, number], change: [number, number]) => ({
      kind: 'acquisition',
      stage: s,
      label: expect.any(String),
      waits: current[0],
      hours: current[1],
      overdue: current[2],
      previous: { waits: previous[0], hours: previous[1], overdue: previous[2] },
      change: { hours: change[0], overdue: change[1] },
    });
    expect(res.body.stages).toEqual([
      stage('discovery', [1, 451, 1], [0, 0, 0], [451, 1]),
      stage('deposit', [1, 339, 1], [0, 0, 0], [339, 1]),
      stage('contract', [1, 10, 0], [0, 0, 0], [10, 0]),
      stage('customer-review', [0, 0, 0], [3, 50, 1], [-50, -1]),
      stage('inquiry', [0, 0, 0], [3, 58, 1], [-58, -1]),
    ]);
    // Roles: sales 451 h in April against 58 h; the customer 339 + 10 = 349 h against 50 h.
    expect(res.body.roles).toEqual([
      { role: 'sales', waits: 1, hours: 451, overdue: 1, previous: { waits: 3, hours: 58, overdue: 1 }, change: { hours: 393, overdue: 0 } },
      { role: 'customer', waits: 2, hours: 349, overdue: 1, previous: { waits: 3, hours: 50, overdue: 1 }, change: { hours: 299, overdue: 0 } },
    ]);
  });
});

describe('bottlenecks without a segment, from the daily rollup', () => {
  // Without a segment the bottlenecks read whole days from the WaitDay rollup and correct them from
  // the waits (those open at a period's end, those begun in its part days); with the waits alone
  // every figure must be the same, whatever the period's ends and however the days fall.
  it.each([
    ['whole days', '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z', undefined],
    ['part days at both ends', '2025-03-11T07:13:00Z', '2025-04-20T15:45:10Z', 'acquisition'],
    ['an end inside an open wait', '2025-04-01T00:00:00Z', '2025-04-12T06:00:00Z', undefined],
    ['less than a day', '2025-04-16T08:00:00Z', '2025-04-16T23:00:00Z', 'acquisition'],
    ['a day and a half', '2025-04-11T12:00:00Z', '2025-04-13T00:00:00Z', undefined],
  ] as const)('%s', async (_name, from, to, kind) => {
    const res = await h.as('manager')('GET', `/api/analytics/bottlenecks?${new URLSearchParams({ from, to, ...(kind ? { kind } : {}) })}`);
    expect(res.status).toBe(200);
    const fromWaits = await bottlenecks(h.db, kind, { from: new Date(from), to: new Date(to) }, {}, { rollup: false });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(fromWaits)));
    expect(res.body.stages.length).toBeGreaterThan(0);
  });
});

describe('GET /api/analytics/retention', () => {
  // Clients of a project type of their own (every inquiry of theirs has it), all of them more than a
  // year ago (today is after 2026-06), with hand-worked figures:
  //   C1 client 2025-02-01, account open (health 85), asked again 2025-09-01; EUR 5,000.00 paid + 1,200.00 paid less 200.00 refunded
  //   C2 client 2025-03-01, account ended, left 2025-10-01 (within its first year); EUR 3,000.00 paid
  //   C3 client 2025-04-01, no account (never handed over), asked again 2025-05-01; USD 10,000.00 paid
  //   C4 client 2025-06-01, account open (health 30, at risk); EUR 500.00 paid of 2,000.00
  //   C5 client 2024-12-01 (before the period), account open, not scored yet; C6 never a client,
  //   sent its inquiry 2025-03-01 with C1's referral code.
  const RSEG = `Retention ${randomUUID()}`;
  const H1 = { from: '2025-01-01', to: '2025-07-01' };
  const rget = (params: Record<string, string>) => h.as('manager')('GET', `/api/analytics/retention?${new URLSearchParams({ projectType: RSEG, ...params })}`);

  beforeAll(() => seedRetentionClients(h.db, RSEG));

  it("gives the period's new clients against the bands, their lifetime value, NPS and the health of open accounts", async () => {
    const res = await rget(H1);
    expect(res.status).toBe(200);
    // Clients in H1: C1-C4 (C5 before it, C6 never one).
    expect(res.body.clients).toBe(4);
    expect(res.body.targets).toEqual([
      // An account opened for C1, C2, C4: 3/4 (band 70-80: in).
      { key: 'retained', label: 'Payment → retention', low: 70, high: 80, counted: 4, met: 3, rate: 0.75, verdict: 'in' },
      // Asked again after becoming clients: C1, C3: 2/4 (60-70: below).
      { key: 'repeatBusiness', label: 'Repeat business', low: 60, high: 70, counted: 4, met: 2, rate: 0.5, verdict: 'below' },
      // Still clients a year on: C1, C3, C4 (C2 left after 7 months): 3/4 (40-50: above).
      { key: 'longTerm', label: 'Long-term relationships', low: 40, high: 50, counted: 4, met: 3, rate: 0.75, verdict: 'above' },
      // Referred a lead after becoming a client: C1 (C6): 1/4 (30-40: below).
      { key: 'referralGeneration', label: 'Referral generation', low: 30, high: 40, counted: 4, met: 1, rate: 0.25, verdict: 'below' },
    ]);
    // EUR: C1 5,000 + 1,200 - 200 = 6,000.00; C2 3,000.00; C4 500.00: mean 9,500 / 3 = 3,166.67, median 3,000.00.
    expect(res.body.lifetimeValue).toEqual([
      { currency: 'EUR', customers: 3, averageMinor: 316_667, medianMinor: 300_000, totalMinor: 950_000 },
      { currency: 'USD', customers: 1, averageMinor: 1_000_000, medianMinor: 1_000_000, totalMinor: 1_000_000 },
    ]);
    // Answers due in H1: 10, 9, 7, 3 (C3's 0 is in August): (2 - 1) / 4 = 25 points.
    expect(res.body.nps).toEqual({ answers: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    // Open now: C1 (85), C4 (30, at risk), C5 (not scored); C2's ended.
    expect(res.body.health).toEqual({
      accounts: 3,
      atRisk: 1,
      unscored: 1,
      bands: [
        { from: 0, to: 19, accounts: 0 },
        { from: 20, to: 39, accounts: 1 },
        { from: 40, to: 59, accounts: 0 },
        { from: 60, to: 79, accounts: 0 },
        { from: 80, to: 100, accounts: 1 },
      ],
    });
  });

  it('counts a later period on its own, and gives its tables as CSV', async () => {
    // Only C5 became a client in Q4 2024: retained, not back, still a client.
    const q4 = await rget({ from: '2024-10-01', to: '2025-01-01' });
    expect(q4.body.clients).toBe(1);
    expect(q4.body.targets.map((t: { met: number; counted: number }) => [t.met, t.counted])).toEqual([[1, 1], [0, 1], [1, 1], [0, 1]]);
    expect(q4.body.lifetimeValue).toEqual([]);
    expect(q4.body.nps).toEqual({ answers: 0, promoters: 0, passives: 0, detractors: 0, score: null });
    const res = await fetch(`${h.baseUrl}/api/analytics/retention?${new URLSearchParams({ projectType: RSEG, ...H1, format: 'csv', table: 'lifetime-value' })}`, {
      headers: { authorization: `Bearer ${h.users.manager.token}` },
    });
    expect((await res.text()).trimEnd().split('\r\n')).toEqual(['currency,customers,averageMinor,medianMinor,totalMinor', 'EUR,3,316667,300000,950000', 'USD,1,1000000,1000000,1000000']);
  });
});

describe('GET /api/analytics/support', () => {
  it('gives first response, resolution, SLA attainment, CSAT and deflection', async () => {
    const res = await get('/api/analytics/support', SPRING);
    expect(res.status).toBe(200);
    // First responses 60 120 300 600: p50 210, p90 at 2.7: 300 + 0.7 × 300 = 510; within target T1, T3 of 4.
    // Resolutions 500 600 3000: p50 600, p90 at 1.8: 600 + 0.8 × 2400 = 2520; within target T1, T3 of 3.
    // SLA: closed and not spam T1, T2, T3, unbreached T1, T3: 2/3. CSAT 5, 2, 4: 3.67, satisfied 2/3.
    expect(res.body.overall).toEqual({
      tickets: 5,
      closed: 4,
      firstResponse: { p50Minutes: 210, p90Minutes: 510, withinTarget: 0.5 },
      resolution: { p50Minutes: 600, p90Minutes: 2520, withinTarget: 0.6667 },
      slaAttainment: 0.6667,
      csat: { ratings: 3, average: 3.67, satisfied: 0.6667 },
    });
    const normal = res.body.byPriority.find((p: any) => p.priority === 'normal');
    // T1, T2: first 120, 600 → p50 360; one of two within 480; resolution one of two within 2,400; rated 5, 2.
    expect(normal).toMatchObject({
      firstResponseTargetMinutes: 480,
      tickets: 2,
      firstResponse: { p50Minutes: 360, withinTarget: 0.5 },
      resolution: { withinTarget: 0.5 },
      slaAttainment: 0.5,
      csat: { ratings: 2, average: 3.5, satisfied: 0.5 },
    });
    expect(res.body.byPriority.find((p: any) => p.priority === 'urgent')).toMatchObject({ tickets: 0, slaAttainment: null, csat: { average: null } });
    // Deflected 3 (not the other project type's), raised 5: 3/8.
    expect(res.body.deflection).toEqual({ deflected: 3, ticketsRaised: 5, rate: 0.375 });
  });
});

describe('GET /api/analytics/journey-map', () => {
  it("draws a kind's stages with running journeys now, overdue ones, median times in stage and edge shares", async () => {
    const res = await get('/api/analytics/journey-map', { ...SPRING, kind: 'acquisition' });
    expect(res.status).toBe(200);
    // Now, whatever the period: J9 in inquiry; J7 and February's journey in discovery, J7's task past its
    // deadline; J10 in deposit with its payment past its deadline.
    // Visits of the spring cohort, and the median time a journey spent in the stage (hours, its visits
    // summed; open ones untimed): inquiry 10 visits, 9 left, 5 10 10 10 20 24 30 40 48 → 20; discovery
    // 7, 6 left, 10 10 20 20 30 30 → 20; proposal 7 (J2 twice: 10 + 10), 10 10 10 10 20 20 → 10;
    // review 7 (J2 twice: 10 + 20), 5 10 10 20 30 30 → 15; contract 4 → 10; deposit 3, 2 left → 10; delivery 2 → 10.
    expect(res.body.stages.map((s: any) => [s.stage, s.inStageNow, s.overdueNow, s.visits, s.medianHours])).toEqual([
      ['inquiry', 1, 0, 10, 20],
      ['discovery', 2, 1, 7, 20],
      ['proposal', 0, 0, 7, 10],
      ['customer-review', 0, 0, 7, 15],
      ['contract', 0, 0, 4, 10],
      ['deposit', 1, 1, 3, 10],
      ['delivery', 0, 0, 2, 10],
    ]);
    // Of the visits that left: inquiry 7 of 9 on to discovery (J5, J6 ended there); review 1 of 7 back to
    // proposal (J2), 4 of 7 on to contract (J3, J4 ended there); contract 3 of 4 on to deposit.
    expect(res.body.edges.map((e: any) => [e.from, e.to, e.visits, e.share])).toEqual([
      ['inquiry', 'discovery', 7, 7 / 9],
      ['discovery', 'proposal', 6, 1],
      ['proposal', 'customer-review', 7, 1],
      ['customer-review', 'proposal', 1, 1 / 7],
      ['customer-review', 'contract', 4, 4 / 7],
      ['contract', 'deposit', 3, 3 / 4],
      ['deposit', 'delivery', 2, 1],
    ]);
  });
});

describe('a journey through the real workflow', () => {
  it('counts the stages it recorded, and its salesperson', async () => {
    const projectType = `Real ${randomUUID()}`;
    const { journeyId } = await journeyDriver(h).qualifiedLead({ projectType });
    const events = await eventually(
      () => h.db.journeyEvent.findMany({ where: { journeyId, type: 'stage_entered' }, orderBy: { id: 'asc' } }),
      (e) => e.length === 3,
    );
    expect(events.map((e) => (e.data as { stage: string }).stage)).toEqual(['inquiry', 'discovery', 'proposal']);
    const params = (extra: Record<string, string> = {}) => new URLSearchParams({ projectType, ...extra }).toString();
    const funnel = await h.as('admin')('GET', `/api/analytics/funnel?${params()}`);
    expect(funnel.body.stages.slice(0, 4).map((s: any) => [s.stage, s.reached, s.convertedToNext])).toEqual([
      ['inquiry', 1, 1],
      ['discovery', 1, 1],
      ['proposal', 1, 0],
      ['customer-review', 0, 0],
    ]);
    expect(funnel.body.stages[2].inStageNow).toBe(1);
    // Its time in inquiry is exactly the gap between the two recorded stages.
    const cycle = await h.as('admin')('GET', `/api/analytics/cycle-times?${params()}`);
    const inquiryHours = Math.round((events[1]!.at.getTime() - events[0]!.at.getTime()) / 36_000) / 100;
    expect(cycle.body.stages[0]).toEqual({ stage: 'inquiry', journeys: 1, p50Hours: inquiryHours, p90Hours: inquiryHours });
    // The sales user who completed its follow-up is its salesperson; the support user is not.
    const bySalesperson = (id: string) => h.as('manager')('GET', `/api/analytics/funnel?${params({ salesperson: id })}`);
    expect((await bySalesperson(h.users.sales.id)).body.totals.started).toBe(1);
    expect((await bySalesperson(h.users.support.id)).body.totals.started).toBe(0);
  });
});

describe('input and access', () => {
  const fieldsOf = async (path: string) => {
    const res = await h.as('manager')('GET', path);
    expect(res.status).toBe(400);
    return res.body.error.fields.map((f: { field: string }) => f.field);
  };

  it('answers 400 naming each bad field', async () => {
    expect(await fieldsOf('/api/analytics/funnel?kind=nope&from=yesterday&salesperson=bob&source=friend')).toEqual(
      expect.arrayContaining(['query.kind', 'query.from', 'query.salesperson', 'query.source']),
    );
    expect(await fieldsOf('/api/analytics/funnel?from=2025-05-01&to=2025-03-01')).toEqual(['query.from']);
    expect(await fieldsOf('/api/analytics/cycle-times?from=1990-01-01')).toEqual(['query.from']);
    expect(await fieldsOf('/api/analytics/cycle-times?to=%2B275760-09-13T00:00:00Z')).toEqual(['query.to']);
    expect(await fieldsOf('/api/analytics/bottlenecks?from=2001-01-01&to=2099-01-01')).toEqual(['query.from']);
    expect(await fieldsOf('/api/analytics/bottlenecks?kind=acquisition&kind=delivery')).toEqual(['query.kind']);
    expect(await fieldsOf('/api/analytics/support?kind=acquisition')).toEqual(['query.kind']);
    expect(await fieldsOf('/api/analytics/support?projectType=a%00b')).toEqual(['query.projectType']);
    // A surrogate's UTF-8 bytes are not UTF-8: the query parser reads them as U+FFFD, a project type nobody has.
    const surrogate = await h.as('manager')('GET', '/api/analytics/support?projectType=%ED%A0%80');
    expect([surrogate.status, surrogate.body.overall.tickets]).toEqual([200, 0]);
    expect(await fieldsOf(`/api/analytics/support?budgetRange=${'x'.repeat(201)}`)).toEqual(['query.budgetRange']);
    expect(await fieldsOf('/api/analytics/funnel?format=xml&table=nope')).toEqual(['query.format', 'query.table']);
  });

  it.each(['funnel', 'cycle-times', 'bottlenecks', 'support', 'retention', 'journey-map'])('answers %s hostile input with a 400, never a 500', async (report) => {
    const hostile = [
      ['from=%00', 'query.from'],
      ['to=2025-13-40', 'query.to'],
      ['from=2025-01-01T00:00:00', 'query.from'], // no offset: which zone is meant?
      ['from=99999999999999', 'query.from'],
      ['to=-1', 'query.to'],
      ['from[gte]=2025-01-01', 'query.from[gte]'],
      ['projectType=', 'query.projectType'],
      ['salesperson=%F0%9F%98%80', 'query.salesperson'],
      ['format=csv&format=csv', 'query.format'],
    ];
    for (const [query, field] of hostile) {
      const res = await h.as('manager')('GET', `/api/analytics/${report}?${query}`);
      expect([query, res.status, res.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([query, 400, [field]]);
    }
  });

  it('is for managers and admins', async () => {
    expect((await h.as('anonymous')('GET', '/api/analytics/funnel')).status).toBe(401);
    for (const role of ['sales', 'pm', 'finance', 'support', 'support_lead', 'success'] as const) {
      expect((await h.as(role)('GET', '/api/analytics/support')).status).toBe(403);
    }
    expect((await h.as('manager')('GET', '/api/analytics/bottlenecks')).status).toBe(200);
    expect((await h.as('admin')('GET', '/api/analytics/cycle-times?kind=support')).status).toBe(200);
  });

  it('gives each table as CSV', async () => {
    const csv = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${h.baseUrl}${path}`, { headers: { authorization: `Bearer ${h.users.manager.token}`, ...headers } });
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      return (await res.text()).trimEnd().split('\r\n');
    };
    expect(await csv(`/api/analytics/funnel?${q({ ...SPRING, format: 'csv', table: 'targets' })}`)).toEqual([
      'label,from,to,low,high,reached,converted,rate,verdict',
      'Lead → proposal,inquiry,proposal,40,50,10,6,0.6,above',
      'Proposal → contract,proposal,contract,60,70,6,4,0.6666666666666666,in',
      'Contract → project,contract,delivery,80,90,4,2,0.5,below',
    ]);
    const dropOffs = await csv(`/api/analytics/funnel?${q({ ...SPRING, table: 'drop-offs' })}`, { accept: 'text/csv' });
    expect(dropOffs[0]).toBe('stage,status,reason,journeys');
    expect(dropOffs).toContain('customer-review,LOST,Declined: price,2');
    const roles = await csv(`/api/analytics/bottlenecks?${q({ from: '2025-04-01', to: '2025-05-01', format: 'csv', table: 'roles' })}`);
    expect(roles).toEqual([
      'role,waits,hours,overdue,previous.waits,previous.hours,previous.overdue,change.hours,change.overdue',
      'sales,1,451,1,3,58,1,393,0',
      'customer,2,349,1,3,50,1,299,0',
    ]);
  });
});

describe('waits whose key is not a task id', () => {
  // A task wait's key is its task's id, but nothing in the table says so: a key that is no UUID
  // (a hand-made row, an older writer) must not fail the queries that look its task up, nor wedge
  // the database (a cast to uuid in the join did: the backends ran on past statement_timeout).
  it('answers cycle times and bottlenecks all the same, leaving no query running', async () => {
    const inquiry = await h.db.inquiry.findFirstOrThrow({ where: { projectType: SEGMENT } });
    const wait = await h.db.journeyWait.create({
      data: { id: `odd:${randomUUID()}`, journeyId: inquiry.journeyId, kind: 'task', key: `task:${randomUUID()}`, description: 'A task wait keyed otherwise', since: new Date('2025-04-02T09:00:00Z') },
    });
    try {
      expect((await get('/api/analytics/cycle-times', { ...SPRING, kind: 'acquisition' })).status).toBe(200);
      expect((await get('/api/analytics/bottlenecks', { from: '2025-04-01', to: '2025-05-01' })).status).toBe(200);
      const running = await h.db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%JourneyWait%' AND pid <> pg_backend_pid()`;
      expect(running[0]!.n).toBe(0);
    } finally {
      await h.db.journeyWait.delete({ where: { id: wait.id } });
    }
  });
});
