// Unsigned and unpaid, on the time-skipping server: the contract reminder goes out halfway, the
// unsigned contract expires after CONTRACT_SIGNATURE_DAYS and the lead is lost; a signed contract
// whose deposit is never paid is lost at the deposit's due date, after a reminder.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true, env: { CONTRACT_SIGNATURE_DAYS: '6', DEPOSIT_DUE_DAYS: '10' } });
  drive = journeyDriver(h);
});
afterAll(() => h?.stop());

const emailKeys = async (journeyId: string) => (await h.db.email.findMany({ where: { journeyId } })).map((e) => e.key.slice(journeyId.length + 1));

it('expires an unsigned contract after its signature window, with a reminder halfway', async () => {
  const { journeyId } = await drive.approvedQuote();
  const signLink = await drive.emailedLink(journeyId, 'contract:');
  await h.env.sleep('2 days');
  expect((await emailKeys(journeyId)).some((k) => k.endsWith(':reminder'))).toBe(false);
  await h.env.sleep('2 days');
  await eventually(() => emailKeys(journeyId), (keys) => keys.some((k) => /^contract:.+:reminder$/.test(k)));
  await h.env.sleep('3 days');
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({
    status: 'LOST',
    reason: 'The contract was not signed in time',
  });
  expect(await h.db.contract.findFirstOrThrow({ where: { journeyId } })).toMatchObject({ status: 'EXPIRED', endReason: 'Not signed in time' });
  expect((await request(h.baseUrl, 'POST', signLink, { decision: 'sign' })).status).toBe(409);
});

it('loses the journey when the deposit is not paid by its due date', async () => {
  const { journeyId } = await drive.approvedQuote();
  expect((await request(h.baseUrl, 'POST', await drive.emailedLink(journeyId, 'contract:'), { decision: 'sign' })).status).toBe(200);
  await drive.emailedLink(journeyId, 'deposit:');
  await h.env.sleep('6 days');
  await eventually(() => emailKeys(journeyId), (keys) => keys.some((k) => /^deposit:.+:reminder$/.test(k)));
  await h.env.sleep('5 days');
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({
    status: 'LOST',
    reason: 'The deposit was not paid by its due date',
  });
  expect(await h.db.invoice.findFirstOrThrow({ where: { journeyId } })).toMatchObject({ kind: 'deposit', status: 'OPEN', paidMinor: 0 });
});
