// The lifecycle rule over hand-made facts, at hand-picked times: every phase, the day each
// time-based phase begins, and the cases journeys used to get wrong (a client's new inquiry, its
// lost quote). Then the list filter's SQL conditions against the rule, on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { LIFECYCLE_PHASES, lifecycleOf, lifecycleWhere, type LifecycleFacts } from '../../api/domain/customer-lifecycle';
import { createDb } from '../../platform/db';

const NOW = new Date('2027-06-01T12:00:00.000Z');
const DAY = 86_400_000;
/** `n` days before NOW (fractions allowed). */
const ago = (n: number) => new Date(NOW.getTime() - n * DAY);
const rules = { formerAfterDays: 180 };

const facts = (f: Partial<LifecycleFacts>): LifecycleFacts => ({
  createdAt: ago(1000),
  clientSince: null,
  onboardedAt: null,
  activeSince: null,
  lastEndedAt: null,
  leftAt: null,
  ...f,
});

// [what it is, facts, phase at NOW, since]
const cases: Array<[string, LifecycleFacts, string, Date]> = [
  ['a new lead', facts({ createdAt: ago(2), activeSince: ago(2) }), 'ACTIVE_LEAD', ago(2)],
  ['a lead lost 20 days ago', facts({ createdAt: ago(30), lastEndedAt: ago(20) }), 'PROSPECT', ago(20)],
  ['a lead lost years ago: never a client, so never a former one', facts({ lastEndedAt: ago(900) }), 'PROSPECT', ago(900)],
  ['a lost lead back with a new inquiry', facts({ activeSince: ago(1), lastEndedAt: ago(20) }), 'ACTIVE_LEAD', ago(1)],
  ['a customer whose journey never wrote a row', facts({ createdAt: ago(3) }), 'PROSPECT', ago(3)],
  ['won 3 days ago, not kicked off', facts({ activeSince: ago(40), clientSince: ago(3) }), 'ONBOARDING', ago(3)],
  ['kicked off 5 days ago', facts({ activeSince: ago(40), clientSince: ago(10), onboardedAt: ago(5) }), 'CLIENT_0_90_DAYS', ago(5)],
  ['a millisecond short of 90 days', facts({ activeSince: ago(100), clientSince: new Date(ago(90).getTime() + 1), onboardedAt: ago(80) }), 'CLIENT_0_90_DAYS', ago(80)],
  ['90 days to the millisecond', facts({ activeSince: ago(100), clientSince: ago(90), onboardedAt: ago(80) }), 'CLIENT_90_DAYS_1_YEAR', NOW],
  ['a client of 200 days', facts({ activeSince: ago(210), clientSince: ago(200), onboardedAt: ago(195) }), 'CLIENT_90_DAYS_1_YEAR', ago(110)],
  ['onboarding that took 100 days', facts({ activeSince: ago(110), clientSince: ago(100), onboardedAt: ago(5) }), 'CLIENT_90_DAYS_1_YEAR', ago(5)],
  ['a client of 400 days', facts({ activeSince: ago(410), clientSince: ago(400), onboardedAt: ago(390) }), 'ESTABLISHED', ago(35)],
  // The cases the old Customer.status got wrong: a new inquiry made a client a LEAD, its lost quote LOST.
  ['a client asking for new work', facts({ activeSince: ago(2), lastEndedAt: ago(10), clientSince: ago(400), onboardedAt: ago(390) }), 'ESTABLISHED', ago(35)],
  ['a client whose new quote was declined yesterday', facts({ lastEndedAt: ago(1), clientSince: ago(400), onboardedAt: ago(390) }), 'ESTABLISHED', ago(35)],
  ['a client of 200 days, nothing running for 179 days', facts({ lastEndedAt: ago(179), clientSince: ago(200), onboardedAt: ago(195) }), 'CLIENT_90_DAYS_1_YEAR', ago(110)],
  ['a client with nothing running for 181 days', facts({ lastEndedAt: ago(181), clientSince: ago(400), onboardedAt: ago(390) }), 'FORMER_CLIENT', ago(1)],
  ['a client with nothing running for 180 days to the millisecond', facts({ lastEndedAt: ago(180), clientSince: ago(400), onboardedAt: ago(390) }), 'FORMER_CLIENT', NOW],
  ['a delivery cancelled before kickoff, 30 days ago', facts({ lastEndedAt: ago(30), clientSince: ago(40) }), 'ONBOARDING', ago(40)],
  ['a delivery cancelled before kickoff, 200 days ago', facts({ lastEndedAt: ago(200), clientSince: ago(210) }), 'FORMER_CLIENT', ago(20)],
  ['a former client back 5 days ago', facts({ activeSince: ago(5), lastEndedAt: ago(300), clientSince: ago(800), onboardedAt: ago(790) }), 'ESTABLISHED', ago(5)],
  ['a client back after a gap too short to be former', facts({ activeSince: ago(5), lastEndedAt: ago(100), clientSince: ago(800), onboardedAt: ago(790) }), 'ESTABLISHED', ago(435)],
  ['a client who left 10 days ago', facts({ leftAt: ago(10), lastEndedAt: ago(10), clientSince: ago(400), onboardedAt: ago(390) }), 'FORMER_CLIENT', ago(10)],
  ['a client who left 3 days ago, an invoice of theirs still open', facts({ leftAt: ago(3), activeSince: ago(420), clientSince: ago(400), onboardedAt: ago(390) }), 'FORMER_CLIENT', ago(3)],
  ['a client since a second ahead of this clock', facts({ activeSince: ago(9), clientSince: new Date(NOW.getTime() + 1000), onboardedAt: new Date(NOW.getTime() + 2000) }), 'CLIENT_0_90_DAYS', new Date(NOW.getTime() + 2000)],
];

it.each(cases)('%s', (_, f, phase, since) => {
  expect(lifecycleOf(f, NOW, rules)).toEqual({ lifecycle: phase, lifecycleSince: since });
});

it('moves through the client phases with time alone', () => {
  const client = facts({ activeSince: ago(20), clientSince: ago(10), onboardedAt: ago(5) });
  const at = (days: number) => lifecycleOf(client, new Date(NOW.getTime() + days * DAY), rules).lifecycle;
  expect([at(0), at(79), at(80), at(354), at(355), at(3000)]).toEqual([
    'CLIENT_0_90_DAYS',
    'CLIENT_0_90_DAYS',
    'CLIENT_90_DAYS_1_YEAR',
    'CLIENT_90_DAYS_1_YEAR',
    'ESTABLISHED',
    'ESTABLISHED',
  ]);
});

it('makes a quiet client former after the configured period', () => {
  const quiet = facts({ lastEndedAt: ago(31), clientSince: ago(400), onboardedAt: ago(390) });
  expect(lifecycleOf(quiet, NOW, { formerAfterDays: 30 })).toEqual({ lifecycle: 'FORMER_CLIENT', lifecycleSince: ago(1) });
  expect(lifecycleOf(quiet, NOW, { formerAfterDays: 32 }).lifecycle).toBe('ESTABLISHED');
});

describe('the list filter', () => {
  const db = createDb(process.env.DATABASE_URL!);
  afterAll(() => db.$disconnect());

  it('selects exactly the customers the rule puts in each phase', async () => {
    const rows = cases.map(([what, f]) => ({ id: randomUUID(), companyName: what, contactName: 'Test', email: `${randomUUID()}@lifecycle.test`, ...f }));
    await db.customer.createMany({ data: rows });
    try {
      const ids = rows.map((r) => r.id);
      for (const phase of LIFECYCLE_PHASES) {
        const found = await db.customer.findMany({ where: { AND: [{ id: { in: ids } }, lifecycleWhere(phase, NOW, rules)] } });
        const expected = rows.filter((r) => lifecycleOf(r, NOW, rules).lifecycle === phase);
        expect({ phase, customers: found.map((c) => c.companyName).sort() }).toEqual({ phase, customers: expected.map((r) => r.companyName).sort() });
      }
      // Every phase is among the cases, so each condition was tried on rows it must select.
      expect(new Set(rows.map((r) => lifecycleOf(r, NOW, rules).lifecycle))).toEqual(new Set(LIFECYCLE_PHASES));
    } finally {
      await db.customer.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    }
  });
});
