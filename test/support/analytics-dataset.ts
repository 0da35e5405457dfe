// The analytics tests' dataset: journeys written straight into the projection (stages through the
// recordStage activity; waits, tasks, tickets at chosen hours in 2025) for one project type, whose
// every figure the tests work out by hand from the tables in the comments below. test/api/analytics.test.ts checks the API's
// figures against them; test/browser/analytics.test.ts shows them.
import { randomUUID } from 'node:crypto';
import { createJourneyRecordActivities } from '../../activities/runtime/journey-records';
import type { Db } from '../../platform/db';

const HOUR = 3_600_000;
const march = (day: number) => new Date(Date.UTC(2025, 2, day));
const april = (day: number) => new Date(Date.UTC(2025, 3, day));
export const COMPLETE = ['inquiry', 'discovery', 'proposal', 'customer-review', 'contract', 'deposit', 'delivery'] as const;
const trail = (stages: readonly string[], hours: number[]): Array<[string, number]> => stages.map((s, i) => [s, hours[i]!]);

type Seeded = {
  kind: string;
  customerId: string;
  startedAt: Date;
  /** [stage, hours after the start it was entered]. */
  stages: Array<[string, number]>;
  status?: 'RUNNING' | 'COMPLETED' | 'LOST';
  endedAfter?: number;
  endReason?: string;
};
type SeededWait = { kind: 'task' | 'approval' | 'signature' | 'payment'; since: number; ended?: number; deadline?: number; role?: string };

/** Seeds the dataset for `segment` (a project type of the caller's own), and journeys of another project type and period that no figure may count. */
export async function seedAnalyticsDataset(db: Db, segment: string): Promise<void> {
  const SEGMENT = segment;
  const OTHER = `Other ${randomUUID()}`;
  const ids: Record<string, string> = {};
  const people: Record<string, { id: string }> = {};
  const records = createJourneyRecordActivities({ db });

  async function customer() {
    const id = randomUUID();
    await db.customer.create({ data: { id, companyName: 'Analytics Co', contactName: 'Ana Lytics', email: `${id}@analytics.test` } });
    return { id };
  }

  /** A journey with its stage trail; an acquisition also gets the customer's inquiry. */
  async function journey(j: Seeded, projectType?: string): Promise<string> {
    const id = `journey:${j.customerId}:${j.kind}:${randomUUID().slice(0, 8)}`;
    const at = (hours: number) => new Date(j.startedAt.getTime() + hours * HOUR);
    const [last] = j.stages.at(-1)!;
    await db.journey.create({
      data: {
        id,
        kind: j.kind,
        customerId: j.customerId,
        status: j.status ?? 'RUNNING',
        stage: last,
        startedAt: j.startedAt,
        endedAt: j.endedAfter === undefined ? null : at(j.endedAfter),
        endReason: j.endReason ?? null,
      },
    });
    if (projectType) {
      await db.inquiry.create({ data: { customerId: j.customerId, journeyId: id, projectType, budgetRange: '$10K-$50K', timeline: 'soon', description: 'x', receivedAt: j.startedAt } });
    }
    // Through the activity the journeys use, so its stage-visit rollup is what the reports read.
    for (const [n, [stage, hours]] of j.stages.entries()) await records.recordStage({ journeyId: id, stage, at: at(hours).toISOString(), sequence: n });
    return id;
  }

  /** Waits through the activities the journeys use, so each keeps its stage and role as it opens. */
  async function waits(journeyId: string, startedAt: Date, list: SeededWait[]) {
    const at = (hours: number) => new Date(startedAt.getTime() + hours * HOUR).toISOString();
    for (const w of list) {
      const key = randomUUID();
      const wait = { id: `${w.kind}:${key}`, kind: w.kind, key, description: w.kind, since: at(w.since), deadline: w.deadline === undefined ? undefined : at(w.deadline) };
      if (w.kind === 'task') {
        const task = { id: key, journeyId, type: 'follow-up-call', title: 'Call', role: w.role!, dueAt: at(w.deadline!), slaAt: at(w.deadline!), input: {} };
        await records.createTask({ ...task, wait: { ...wait, unblockedBy: w.role! } });
        if (w.ended !== undefined) await records.completeTask({ id: key, journeyId, waitId: wait.id, completedBy: 'analytics-dataset', result: {}, completedAt: at(w.ended) });
      } else {
        await records.openWait({ journeyId, ...wait, unblockedBy: 'customer' });
        if (w.ended !== undefined) await records.closeWait({ id: wait.id, at: at(w.ended), outcome: 'done' });
      }
    }
  }

  /*
   * Ten acquisitions of the segment, J1-J5 started 11-15 March 2025, J6-J10 11-15 April (hours after
   * each start in brackets):
   *   J1  inquiry(0) discovery(10) proposal(30) review(40) contract(60) deposit(70) delivery(80), COMPLETED at 90
   *   J2  inquiry(0) discovery(20) proposal(50) review(60) proposal(70) review(80) contract(100) deposit(110) delivery(120), COMPLETED at 130
   *   J3  inquiry(0) discovery(30) proposal(60) review(70), LOST at 100 "Declined: price"
   *   J4  inquiry(0) discovery(40) proposal(60) review(80), LOST at 90 "Declined: price"
   *   J5  inquiry(0), LOST at 24 "Disqualified at follow-up"
   *   J6  inquiry(0), LOST at 48 "Disqualified at follow-up"
   *   J7  inquiry(0) discovery(5), running
   *   J8  inquiry(0) discovery(10) proposal(20) review(30) contract(40), LOST at 50 "Contract not signed in time"
   *   J9  inquiry(0), running
   *   J10 inquiry(0) discovery(10) proposal(20) review(30) contract(35) deposit(45), running
   * Outside the figures: one of another project type in April, one of the segment in February.
   * Two deliveries of the segment (J1's and J2's customers): D1 kickoff(0) plan-review(10)
   * in-progress(20) sign-off(100) billing(110), COMPLETED at 120; D2 kickoff(0) plan-review(5), running.
   */

  async function seedJourneys() {
    const acquisition = async (name: string, start: Date, stages: Array<[string, number]>, end?: Pick<Seeded, 'status' | 'endedAfter' | 'endReason'>, projectType = SEGMENT) => {
      const c = await customer();
      people[name] = c;
      ids[name] = await journey({ kind: 'acquisition', customerId: c.id, startedAt: start, stages, ...end }, projectType);
    };
    await acquisition('J1', march(11), trail(COMPLETE, [0, 10, 30, 40, 60, 70, 80]), { status: 'COMPLETED', endedAfter: 90 });
    await acquisition(
      'J2',
      march(12),
      trail(['inquiry', 'discovery', 'proposal', 'customer-review', 'proposal', 'customer-review', 'contract', 'deposit', 'delivery'], [0, 20, 50, 60, 70, 80, 100, 110, 120]),
      { status: 'COMPLETED', endedAfter: 130 },
    );
    await acquisition('J3', march(13), trail(COMPLETE.slice(0, 4), [0, 30, 60, 70]), { status: 'LOST', endedAfter: 100, endReason: 'Declined: price' });
    await acquisition('J4', march(14), trail(COMPLETE.slice(0, 4), [0, 40, 60, 80]), { status: 'LOST', endedAfter: 90, endReason: 'Declined: price' });
    await acquisition('J5', march(15), [['inquiry', 0]], { status: 'LOST', endedAfter: 24, endReason: 'Disqualified at follow-up' });
    await acquisition('J6', april(11), [['inquiry', 0]], { status: 'LOST', endedAfter: 48, endReason: 'Disqualified at follow-up' });
    await acquisition('J7', april(12), trail(COMPLETE.slice(0, 2), [0, 5]));
    await acquisition('J8', april(13), trail(COMPLETE.slice(0, 5), [0, 10, 20, 30, 40]), { status: 'LOST', endedAfter: 50, endReason: 'Contract not signed in time' });
    await acquisition('J9', april(14), [['inquiry', 0]]);
    await acquisition('J10', april(15), trail(COMPLETE.slice(0, 6), [0, 10, 20, 30, 35, 45]));
    await acquisition('outsider', april(16), trail(COMPLETE.slice(0, 2), [0, 1]), undefined, OTHER);
    await acquisition('february', new Date(Date.UTC(2025, 1, 20)), trail(COMPLETE.slice(0, 2), [0, 1]));

    const delivery = (who: string, start: Date, stages: Array<[string, number]>, end?: Pick<Seeded, 'status' | 'endedAfter'>) =>
      journey({ kind: 'delivery', customerId: people[who]!.id, startedAt: start, stages, ...end });
    ids.D1 = await delivery('J1', march(20), trail(['kickoff', 'plan-review', 'in-progress', 'sign-off', 'billing'], [0, 10, 20, 100, 110]), { status: 'COMPLETED', endedAfter: 120 });
    ids.D2 = await delivery('J2', march(21), trail(['kickoff', 'plan-review'], [0, 5]));

    /*
     * Waits (hours after the journey's start; deadline in brackets):
     *   J1  task sales 0→8 (24); approval 40→60 (50: overdue)
     *   J2  task sales 0→20 (24); approval 60→70 (80); approval 80→100 (no deadline)
     *   J3  task sales 0→30 (24: overdue)
     *   J7  task sales 5→open (173)
     *   J10 signature 35→45 (203); payment 45→open (381)
     *   outsider: task sales 0→1000 (1), which no figure may count.
     */
    await waits(ids.J1!, march(11), [{ kind: 'task', role: 'sales', since: 0, ended: 8, deadline: 24 }, { kind: 'approval', since: 40, ended: 60, deadline: 50 }]);
    await waits(ids.J2!, march(12), [
      { kind: 'task', role: 'sales', since: 0, ended: 20, deadline: 24 },
      { kind: 'approval', since: 60, ended: 70, deadline: 80 },
      { kind: 'approval', since: 80, ended: 100 },
    ]);
    await waits(ids.J3!, march(13), [{ kind: 'task', role: 'sales', since: 0, ended: 30, deadline: 24 }]);
    await waits(ids.J7!, april(12), [{ kind: 'task', role: 'sales', since: 5, deadline: 173 }]);
    await waits(ids.J10!, april(15), [{ kind: 'signature', since: 35, ended: 45, deadline: 203 }, { kind: 'payment', since: 45, deadline: 381 }]);
    await waits(ids.outsider!, april(16), [{ kind: 'task', role: 'sales', since: 0, ended: 1000, deadline: 1 }]);

  }

  /*
   * Tickets raised in April 2025 by the segment's customers (default SUPPORT_SLA: normal 480 / 2,400
   * business minutes to first response / resolution, high 240 / 960):
   *   T1 normal  first 120, resolved 600,  no breach, closed confirmed, rated 5
   *   T2 normal  first 600, resolved 3000, 2 breaches, closed no-answer, rated 2
   *   T3 high    first 60,  resolved 500,  no breach, closed confirmed, rated 4
   *   T4 high    first 300, open, 1 breach
   *   T5 low     closed as spam
   * Three requests deflected by an article (and one by the other project type's customer).
   */
  async function seedTickets() {
    const tickets = [
      { who: 'J1', priority: 'normal', firstResponseMinutes: 120, resolutionMinutes: 600, breaches: 0, closeReason: 'confirmed', satisfaction: 5 },
      { who: 'J2', priority: 'normal', firstResponseMinutes: 600, resolutionMinutes: 3000, breaches: 2, closeReason: 'no-answer', satisfaction: 2 },
      { who: 'J3', priority: 'high', firstResponseMinutes: 60, resolutionMinutes: 500, breaches: 0, closeReason: 'confirmed', satisfaction: 4 },
      { who: 'J4', priority: 'high', firstResponseMinutes: 300, resolutionMinutes: null, breaches: 1, closeReason: null, satisfaction: null },
      { who: 'J5', priority: 'low', firstResponseMinutes: null, resolutionMinutes: null, breaches: 0, closeReason: 'spam', satisfaction: null },
    ] as const;
    for (const [n, t] of tickets.entries()) {
      const createdAt = april(20 + n);
      const journeyId = await journey({ kind: 'support', customerId: people[t.who]!.id, startedAt: createdAt, stages: [['new', 0]] });
      await db.supportTicket.create({
        data: {
          journeyId,
          customerId: people[t.who]!.id,
          subject: 'Help',
          description: 'Please',
          category: 'general',
          priority: t.priority,
          queue: 'general',
          raisedBy: 'customer',
          channel: 'api',
          firstResponseMinutes: t.firstResponseMinutes,
          resolutionMinutes: t.resolutionMinutes,
          breaches: t.breaches,
          closeReason: t.closeReason,
          closedAt: t.closeReason ? april(28) : null,
          satisfaction: t.satisfaction,
          createdAt,
        },
      });
    }
    const deflect = (who: string, day: number) =>
      db.supportDeflection.create({ data: { key: randomUUID(), customerId: people[who]!.id, articleId: randomUUID(), subject: 'How do I', createdAt: april(day) } });
    await Promise.all([deflect('J1', 21), deflect('J6', 22), deflect('J9', 23), deflect('outsider', 24)]);
  }

  await seedJourneys();
  await seedTickets();
}

/**
 * Clients whose every inquiry has the project type `segment` (see test/api/analytics.test.ts for
 * the figures worked out from them):
 *   C1 client 2025-02-01, account open (health 85), asked again 2025-09-01; EUR 5,000.00 paid + 1,200.00 paid less 200.00 refunded
 *   C2 client 2025-03-01, account ended, left 2025-10-01 (within its first year); EUR 3,000.00 paid
 *   C3 client 2025-04-01, no account (never handed over), asked again 2025-05-01; USD 10,000.00 paid
 *   C4 client 2025-06-01, account open (health 30, at risk); EUR 500.00 paid of 2,000.00
 *   C5 client 2024-12-01, account open, not scored yet; C6 never a client.
 * NPS answers (due): C1 10 (2025-02-15) and 9 (2025-05-15), C2 7 (2025-04-01), C3 0 (2025-08-01), C4 3 (2025-06-15).
 */
export async function seedRetentionClients(db: Db, segment: string): Promise<void> {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  type Client = {
    inquiries: string[];
    clientSince?: string;
    leftAt?: string;
    account?: { ended?: boolean; health?: number; atRisk?: boolean };
    invoices?: [currency: string, total: number, paid: number, refunded: number][];
    nps?: [dueAt: string, score: number][];
    /** The client (by place in the list) whose referral code came with their inquiries. */
    referredBy?: number;
  };
  const clients: Client[] = [
    { inquiries: ['2025-01-10', '2025-09-01'], clientSince: '2025-02-01', account: { health: 85 }, invoices: [['EUR', 500_000, 500_000, 0], ['EUR', 120_000, 120_000, 20_000]], nps: [['2025-02-15', 10], ['2025-05-15', 9]] },
    { inquiries: ['2025-02-10'], clientSince: '2025-03-01', leftAt: '2025-10-01', account: { ended: true, health: 90 }, invoices: [['EUR', 300_000, 300_000, 0]], nps: [['2025-04-01', 7]] },
    { inquiries: ['2025-03-15', '2025-05-01'], clientSince: '2025-04-01', invoices: [['USD', 1_000_000, 1_000_000, 0]], nps: [['2025-08-01', 0]] },
    { inquiries: ['2025-05-01'], clientSince: '2025-06-01', account: { health: 30, atRisk: true }, invoices: [['EUR', 200_000, 50_000, 0]], nps: [['2025-06-15', 3]] },
    { inquiries: ['2024-11-01'], clientSince: '2024-12-01', account: {} },
    { inquiries: ['2025-03-01'], referredBy: 0 },
  ];
  const ids: string[] = [];
  for (const c of clients) {
    const customerId = randomUUID();
    ids.push(customerId);
    await db.customer.create({
      data: { id: customerId, companyName: 'Retained Co', contactName: 'Rita Tained', email: `${customerId}@retention.test`, clientSince: c.clientSince ? day(c.clientSince) : null, leftAt: c.leftAt ? day(c.leftAt) : null },
    });
    const journeyId = `journey:${customerId}:delivery:1`;
    await db.journey.create({ data: { id: journeyId, kind: 'delivery', customerId, stage: 'kickoff' } });
    for (const at of c.inquiries) {
      const referrerId = c.referredBy === undefined ? null : ids[c.referredBy]!;
      await db.inquiry.create({ data: { customerId, journeyId, projectType: segment, budgetRange: '$10K-$50K', timeline: 'soon', description: 'x', receivedAt: day(at), referrerId } });
    }
    const retentionId = `journey:${customerId}:retention:1`;
    if (c.account) {
      await db.journey.create({ data: { id: retentionId, kind: 'retention', customerId, stage: 'first-90-days', status: c.account.ended ? 'LOST' : 'RUNNING' } });
      await db.clientAccount.create({
        data: { customerId, journeyId: retentionId, healthScore: c.account.health ?? null, atRisk: c.account.atRisk ?? false, endedAt: c.account.ended ? day(c.leftAt!) : null },
      });
    }
    for (const [currency, total, paid, refunded] of c.invoices ?? []) {
      await db.invoice.create({ data: { number: `R-${randomUUID()}`, journeyId, customerId, currency, subtotalMinor: total, totalMinor: total, paidMinor: paid, refundedMinor: refunded } });
    }
    for (const [dueAt, score] of c.nps ?? []) {
      await db.checkIn.create({ data: { customerId, journeyId: retentionId, kind: 'annual-review', dueAt: day(dueAt), status: 'HELD', nps: score } });
    }
  }
}
