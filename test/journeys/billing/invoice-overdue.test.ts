// An invoice nobody pays on time, on the time-skipping server: a reminder before the due date and
// one after, the late fee per the terms once (and no more reminders once it is paid). Figures are
// worked out by hand. (A file of its own: the time-skipping server's clock is shared by a file.)
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { threeMilestoneDraft } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';
import { projectReader } from '../../support/projects';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
let read: ReturnType<typeof projectReader>;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
  drive = journeyDriver(h);
  read = projectReader(h);
});
afterAll(() => h?.stop());

const enc = encodeURIComponent;

it('reminds about an overdue invoice, adds the late fee once, and closes it when paid', async () => {
  const { deliveryId, projectId } = await drive.projectInProgress({}, { ...threeMilestoneDraft, currency: 'USD' });
  await drive.deliverMilestone(deliveryId, 1);
  const [m1] = await read.milestonesOf(projectId);
  // No tax for this US customer: 3,333.33 less the deposit's share 1,000.00 = 2,333.33, due in 30 days.
  const invoice = await read.invoiceOf(m1!.id);
  expect(invoice).toMatchObject({ taxMinor: 0, totalMinor: 233_333 });
  const billingId = invoice.journeyId;
  const reminders = async () => (await read.emailKeys(billingId)).filter((k) => k.startsWith('invoice:reminder'));

  await h.env.sleep('26 days');
  expect(await reminders()).toEqual([]);
  await h.env.sleep('2 days'); // day 28: the reminder three days before it is due
  await eventually(reminders, (k) => k.includes('invoice:reminder:1'));
  await h.env.sleep('6 days'); // day 34: overdue, the second reminder
  await eventually(reminders, (k) => k.includes('invoice:reminder:2'));
  expect((await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).lateFeeAt).toBeNull();
  await h.env.sleep('4 days'); // day 38: a week overdue, 1.5% of 2,333.33 = 35.00 (34.99995)
  const late = await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: true } }), (i) => i.lateFeeAt !== null);
  expect(late.lines.filter((l) => l.kind === 'late-fee').map((l) => l.amountMinor)).toEqual([3_500]);
  expect(late.totalMinor).toBe(236_833);
  // (The `overdue` filter compares with the wall clock, which this server's skipped time has left behind.)
  const unpaid = await h.as('finance')('GET', `/api/invoices?filter=${enc(JSON.stringify({ unpaid: true, projectId }))}`);
  expect(unpaid.body.map((i: { id: string; balanceMinor: number }) => [i.id, i.balanceMinor])).toEqual([[invoice.id, 236_833]]);
  expect((await h.as('sales')('GET', '/api/invoices')).status).toBe(403);

  const paid = await request(h.baseUrl, 'POST', await read.payLinkOf(billingId), { nonce: 'late-payment' });
  expect(paid).toMatchObject({ status: 201, body: { amountMinor: 236_833 } });
  await expect(h.env.client.workflow.getHandle(billingId).result()).resolves.toMatchObject({ status: 'COMPLETED', reason: expect.stringContaining('$2,368.33') });
  const keys = await read.emailKeys(billingId);
  expect(keys).toEqual(expect.arrayContaining(['invoice', 'invoice:reminder:1', 'invoice:reminder:2', 'invoice:late-fee', expect.stringMatching(/^invoice:receipt:/)]));
  expect(keys).not.toContain('invoice:reminder:3');
  expect(await h.db.journeyWait.count({ where: { journeyId: billingId, endedAt: null } })).toBe(0);
});
