// A ticket's SLA clocks on the time-skipping server, on business hours (weekdays 09:00-17:00 UTC)
// with the Monday after the ticket's Friday a holiday, and the customer pausing them. Every figure
// is worked out by hand below. (A file of its own: the server's clock is shared by a file.)
//
// Priority high: first response 4 h, next response 2 h, resolution 16 h (business time).
//   Fri 16:00  raised. Business time left that day: 1 h. Mon: holiday.
//   Tue 11:00  first response at 75% (1 h + 2 h): warning to the assignee's queue.
//   Tue 11:30  agent replies, waiting on the customer: first response met at 1 h + 2.5 h = 210 min.
//              Resolution paused at 210 min.
//   Wed 10:00  customer replies: resolution runs again; next response starts (2 h).
//   Wed 11:30  next response at 75% (90 min): warning.
//   Wed 12:00  next response breached (120 min): the support lead is told.
//   Wed 13:00  next response at 150% (180 min): the manager is told.
//   Wed 13:30  agent resolves: next response stops at 210 min (breached); resolution 210 + 210 = 420 min, paused.
//   Thu 09:30  customer confirms: closed; figures 210 / 420 min, one breach.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { randomUUID } from 'node:crypto';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The first Friday at least two days after `from`, at 00:00 UTC. */
function nextFriday(from: number): number {
  const day = new Date(from + 2 * DAY);
  day.setUTCHours(0, 0, 0, 0);
  while (day.getUTCDay() !== 5) day.setUTCDate(day.getUTCDate() + 1);
  return day.getTime();
}

// The time-skipping server starts at the wall clock: the Friday is known before it starts.
const friday = nextFriday(Date.now());
const holiday = new Date(friday + 3 * DAY).toISOString().slice(0, 10);
const at = (dayOffset: number, hh: number, mm = 0) => friday + dayOffset * DAY + hh * HOUR + mm * 60_000;
/** To the minute: the ticket starts a moment after the server's clock reached its time. */
const minute = (ms: number | string | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 16));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    timeSkipping: true,
    env: {
      SUPPORT_HOURS: JSON.stringify({ timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', holidays: [holiday] }),
      SUPPORT_SLA: JSON.stringify({
        urgent: { firstResponse: 60, nextResponse: 60, resolution: 240 },
        high: { firstResponse: 240, nextResponse: 120, resolution: 960 },
        normal: { firstResponse: 480, nextResponse: 480, resolution: 2400 },
        low: { firstResponse: 960, nextResponse: 960, resolution: 4800 },
      }),
      SUPPORT_ROUTING: JSON.stringify({ rules: [], defaultQueue: 'general', assign: 'claim' }),
    },
  });
});
afterAll(() => h?.stop());

/** Sleeps the server's clock to `target` (ms since the epoch). */
async function until(target: number) {
  const now = await h.env.currentTimeMs();
  expect(target).toBeGreaterThan(now);
  await h.env.sleep(target - now);
}

it('counts first response, next response and resolution in business minutes across a weekend, a holiday and a pause, with each warning, breach and escalation', async () => {
  const customer = await h.db.customer.create({ data: { companyName: 'Clockwork Ltd', contactName: 'Cleo Clock', email: `cleo-${randomUUID()}@clock.test` } });
  await until(at(0, 16));
  const raised = await h.as('support')('POST', '/api/tickets', { customerId: customer.id, subject: 'Export fails', description: 'The CSV export times out.', category: 'technical', priority: 'high' });
  expect(raised.status).toBe(201);
  const journeyId = raised.body.journeyId as string;
  const ticket = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId } }), Boolean);
  const id = ticket!.id;
  const read = () => h.db.supportTicket.findUniqueOrThrow({ where: { id } });
  const moments = async () =>
    (await h.db.journeyEvent.findMany({ where: { journeyId, type: { startsWith: 'ticket_sla_' } }, orderBy: { id: 'asc' } })).map((e) => {
      const d = e.data as { clock: string; to: { role?: string } };
      return `${e.type.replace('ticket_sla_', '')}:${d.clock}:${d.to.role ?? 'user'}`;
    });
  const clocks = async () => (await read()).clocks as Record<string, { state: string; elapsedMinutes: number; dueAt?: string }>;

  // Tue 12:00 is when the first response breaches: 1 h on Friday, none on the holiday, 3 h on Tuesday.
  const dueAt = await eventually(async () => (await clocks()).firstResponse?.dueAt, Boolean);
  expect(minute(dueAt)).toBe(minute(at(4, 12)));
  // 16 h of resolution: 1 h Friday, 8 h Tuesday, 7 h Wednesday → Wed 16:00.
  expect(minute((await clocks()).resolution!.dueAt)).toBe(minute(at(5, 16)));

  await until(at(4, 10, 50)); // Tue 10:50: 2 h 50 min counted, no warning yet
  expect(await moments()).toEqual([]);
  await until(at(4, 11, 5));
  await eventually(moments, (m) => m.length === 1);
  expect(await moments()).toEqual(['warning:firstResponse:general']);

  await until(at(4, 11, 30));
  const reply = await h.as('support')('POST', `/api/tickets/${id}/replies`, { id: randomUUID(), body: 'Which file size?' });
  expect(reply.body.status).toBe('waiting-on-customer');
  await eventually(clocks, (c) => c.firstResponse?.state === 'met' && c.resolution?.state === 'paused');
  expect((await clocks()).firstResponse!.elapsedMinutes).toBe(210);

  // A day of waiting on the customer counts for nothing.
  await until(at(5, 10));
  const link = new URL((await h.db.email.findFirstOrThrow({ where: { key: `${journeyId}:received` } })).text.match(/https?:\/\/\S+\/customer\/tickets\/\S+/)![0]).pathname;
  expect((await request(h.baseUrl, 'POST', link, { body: 'About 2 GB.', nonce: 'customer-reply-1' })).body.status).toBe('open');
  const resumed = await eventually(clocks, (c) => c.resolution?.state === 'running' && c.nextResponse?.state === 'running');
  expect(resumed.resolution!.elapsedMinutes).toBe(210);
  expect(minute(resumed.nextResponse!.dueAt)).toBe(minute(at(5, 12)));
  // The resolution breaches 16 h - 210 min = 750 min on from Wed 10:00: 7 h Wed, 5.5 h Thu → Thu 14:30.
  expect(minute(resumed.resolution!.dueAt)).toBe(minute(at(6, 14, 30)));

  await until(at(5, 12, 5));
  await eventually(moments, (m) => m.length === 3);
  expect(await moments()).toEqual(['warning:firstResponse:general', 'warning:nextResponse:general', 'breach:nextResponse:support_lead']);
  expect((await read()).breaches).toBe(1);
  await until(at(5, 13, 5));
  await eventually(moments, (m) => m.length === 4);
  expect((await moments())[3]).toBe('escalation:nextResponse:manager');
  expect(await h.db.notification.count({ where: { journeyId, kind: 'ticket_sla_escalation', recipientRole: 'manager' } })).toBe(1);

  await until(at(5, 13, 30));
  const resolved = await h.as('support')('POST', `/api/tickets/${id}/replies`, { id: randomUUID(), body: 'Fixed: exports now stream.', then: 'resolved' });
  expect(resolved.body.status).toBe('resolved');
  const atRest = await eventually(clocks, (c) => c.nextResponse?.state === 'breached' && c.resolution?.state === 'paused');
  expect(atRest.nextResponse!.elapsedMinutes).toBe(210);
  expect(atRest.resolution!.elapsedMinutes).toBe(420);

  await until(at(6, 9, 30));
  expect((await request(h.baseUrl, 'POST', link, { confirmResolved: true, nonce: 'customer-confirm-1' })).status).toBe(200);
  const closed = await eventually(read, (t) => t.closedAt !== null);
  expect(closed).toMatchObject({ closeReason: 'confirmed', firstResponseMinutes: 210, resolutionMinutes: 420, breaches: 1 });
  // Nothing more fires once it is closed: no resolution warning on Thursday.
  await until(at(6, 16));
  expect(await moments()).toHaveLength(4);
}, 180_000);

it('closes a resolved ticket nobody answers after the closing window in business days, with a reminder halfway', async () => {
  const customer = await h.db.customer.create({ data: { companyName: 'Quiet Co', contactName: 'Quinn Quiet', email: `quinn-${randomUUID()}@quiet.test` } });
  const raised = await h.as('support')('POST', '/api/tickets', { customerId: customer.id, subject: 'Login', description: 'Cannot log in.', category: 'account', priority: 'normal' });
  const journeyId = raised.body.journeyId as string;
  const ticket = await eventually(() => h.db.supportTicket.findUnique({ where: { journeyId } }), Boolean);
  expect((await h.as('support')('POST', `/api/tickets/${ticket!.id}/replies`, { id: randomUUID(), body: 'Password reset sent.', then: 'resolved' })).body.status).toBe('resolved');
  const emails = async () => (await h.db.email.findMany({ where: { journeyId } })).map((e) => e.key.slice(journeyId.length + 1));
  // Five business days (40 business hours): a reminder after 20, the closing after 40 — under three weeks of calendar time at most.
  await h.env.sleep(4 * DAY);
  await h.env.sleep(4 * DAY);
  await eventually(emails, (k) => k.some((key) => key.startsWith('waiting:')));
  await h.env.sleep(7 * DAY);
  const closed = await eventually(() => h.db.supportTicket.findUniqueOrThrow({ where: { id: ticket!.id } }), (t) => t.closedAt !== null);
  expect(closed.closeReason).toBe('no-answer');
  expect(await emails()).toEqual(expect.arrayContaining(['received', expect.stringMatching(/^reply:/), expect.stringMatching(/^waiting:/), 'closed']));
  // The customer is asked to rate it.
  await eventually(() => h.db.customerDecision.findFirst({ where: { journeyId, subject: 'satisfaction' } }), Boolean);
}, 120_000);
