// An unanswered quote, on the time-skipping server: a reminder email halfway through the
// response time, then the quote (and its customer decision) expires and the lead is lost; the
// link no longer accepts answers.
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { approveReview, quoteDraft } from '../../support/fixtures';
import { journeyDriver } from '../../support/journey-driver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(() => h?.stop());

it('reminds the customer at half time and expires the quote at its deadline', async () => {
  const drive = journeyDriver(h);
  const { journeyId } = await drive.qualifiedLead();
  await drive.complete('sales', journeyId, 'prepare-quote', { ...quoteDraft, validDays: 10 });
  await drive.complete('pm', journeyId, 'review-estimates', approveReview);
  await drive.complete('finance', journeyId, 'review-pricing', approveReview);
  const link = await drive.quoteLink(journeyId, 1);
  const reminder = () => h.db.email.findUnique({ where: { key: `${journeyId}:decision:quote:v1:reminder` } });

  await h.env.sleep('4 days');
  expect(await reminder()).toBeNull();
  await h.env.sleep('2 days');
  const sent = await eventually(reminder, Boolean);
  expect(sent!.subject).toMatch(/Reminder: your proposal \(version 1\)/);

  await h.env.sleep('5 days');
  await expect(h.env.client.workflow.getHandle(journeyId).result()).resolves.toMatchObject({
    status: 'LOST',
    reason: 'No answer to quote v1 within 10 days',
  });
  const quote = await h.db.quote.findFirstOrThrow({ where: { journeyId } });
  expect(quote.status).toBe('EXPIRED');
  const wait = await h.db.journeyWait.findFirstOrThrow({ where: { journeyId, kind: 'approval' } });
  expect(wait).toMatchObject({ outcome: 'timed_out' });
  expect(await h.db.customerDecision.findFirstOrThrow({ where: { journeyId } })).toMatchObject({ subject: 'quote:v1', status: 'EXPIRED' });
  // The link still verifies (its expiry is on the API's clock, which did not skip): the page says why it takes no answer.
  expect(await request(h.baseUrl, 'POST', link, { decision: 'approve' })).toMatchObject({ status: 409, body: { error: { message: 'The time to answer this has passed' } } });
});
