// The customer-decision primitive end to end, for every form: a test journey asks its customer
// one decision (real activities, Temporal and PostgreSQL), the customer answers on the page
// generated from the form, and the journey gets the typed answer. Also what is refused: answers the
// form does not allow, text that cannot be stored, a second answer, an answer after the decision
// expired or was withdrawn; and the Update's old request shape, still taken as accept-or-change.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities/registry';
import { formHtml, jsonSchemaOf } from '../../../api/customer-forms';
import { decide } from '../../../api/domain/customer-decisions';
import { answerSchema, decisionForms, type DecisionForm } from '../../../workflows/runtime/decision-forms';
import { customerDecisionUpdate, FailureTypes } from '../../../workflows/runtime/definitions';
import type { CustomerDecisionSpec } from '../../../workflows/runtime/journey';
import { startHarness, type Harness } from '../../support/harness';
import { eventually, request } from '../../support/http';
import { journeyDriver } from '../../support/journey-driver';
import { decisionJourney } from './workflows/decisions';

let h: Harness;
let drive: ReturnType<typeof journeyDriver>;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `decisions-${randomUUID()}`;

beforeAll(async () => {
  h = await startHarness();
  drive = journeyDriver(h);
  worker = await Worker.create({
    connection: h.env.nativeConnection,
    namespace: h.env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/decisions'), logger: new DefaultLogger('WARN') }),
    activities: createActivities({ db: h.db, config: h.config }),
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await h?.stop();
});

let asked = 0;

/** A new customer's test journey asks one decision of `form`; returns it with the emailed link's path. */
async function ask(form: string, spec: Record<string, unknown> = {}) {
  const customer = await h.db.customer.create({
    data: { companyName: 'Fourth Coffee <Ltd>', contactName: 'Kim Abercrombie', email: `kim-${randomUUID()}@fourthcoffee.test` },
  });
  const journeyId = `journey:${customer.id}:test:${++asked}`;
  await h.db.journey.create({ data: { id: journeyId, kind: 'test', customerId: customer.id, stage: 'starting' } });
  const subject = `${form}:1`;
  const full = {
    form,
    subject,
    title: 'Your new storefront',
    details: { project: 'Storefront <b>v2</b>', pages: ['Home', 'Menu'] },
    customer: { email: customer.email, contactName: customer.contactName },
    remindAfterMs: 60 * 60_000,
    ...spec,
  } as CustomerDecisionSpec;
  const handle = await h.env.client.workflow.start(decisionJourney, { taskQueue, workflowId: journeyId, args: [journeyId, full] });
  return { handle, journeyId, subject, link: await drive.emailedLink(journeyId, `decision:${subject}`) };
}

/** What the journey got back from customerDecision (null: expired). */
const answerOf = async (handle: WorkflowHandle<typeof decisionJourney>) => JSON.parse((await handle.result()).reason) as unknown;
const rowOf = (journeyId: string, subject: string) => h.db.customerDecision.findUniqueOrThrow({ where: { journeyId_subject: { journeyId, subject } } });
const post = (link: string, body: unknown) => request(h.baseUrl, 'POST', link, body);
/** As a browser sends the page's form. */
const postForm = (link: string, fields: Record<string, string>) =>
  fetch(h.baseUrl + link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: new URLSearchParams(fields).toString() });
const html = async (link: string) => (await fetch(h.baseUrl + link, { headers: { accept: 'text/html' } })).text();
/** The Update as a caller of Temporal sends it, without the API in front. */
const update = (journeyId: string, req: object) => h.env.client.workflow.getHandle(journeyId).executeUpdate(customerDecisionUpdate, { args: [req as never] });

it('can ask for every declared form on a customer page: a control for each field', () => {
  const forms = Object.keys(decisionForms) as DecisionForm[];
  expect(forms).toEqual(expect.arrayContaining(['accept-or-change', 'approve-or-decline', 'rating', 'nps', 'choice', 'quote-answer']));
  for (const form of forms) {
    const schema = jsonSchemaOf(answerSchema(form, ['One', 'Two']));
    const page = formHtml(schema);
    for (const field of Object.keys(schema.properties!)) expect(page).toContain(`name="${field}"`);
    expect(page).toContain(schema.properties!.decision ? '<legend>Your answer</legend>' : '<button class="yes">Send</button>');
  }
});

it('asks for a rating on a generated page and returns the typed answer', async () => {
  const { handle, journeyId, subject, link } = await ask('rating');
  const email = await h.db.email.findFirstOrThrow({ where: { key: `${journeyId}:decision:${subject}` } });
  expect(email.text).toContain('Read it and give us your answer here:');

  const json = await request(h.baseUrl, 'GET', link);
  expect(json.body).toMatchObject({ subject, form: 'rating', status: 'OPEN', options: null, answer: null });
  expect(json.body.schema.properties.rating).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
  const page = await html(link);
  // A scale of radio choices under its legend, the comment a labelled textarea; what the journey wrote is escaped.
  expect(page).toMatch(/<fieldset id="field-rating" aria-describedby="field-rating-hint"><legend>Rating<\/legend><p class="note" id="field-rating-hint">1 is poor, 5 is excellent<\/p>/);
  for (const n of [1, 2, 3, 4, 5]) expect(page).toContain(`<input type="radio" name="rating" value="${n}" required> ${n}</label>`);
  expect(page).not.toContain('value="6"');
  expect(page).toContain('<label for="field-comment">Comment</label><textarea id="field-comment" name="comment" maxlength="2000"></textarea>');
  expect(page).toContain('Storefront &#60;b&#62;v2&#60;/b&#62;');
  expect(page).toContain('Fourth Coffee &#60;Ltd&#62;');
  expect(page).not.toMatch(/<b>v2|<Ltd>/);

  // Out of the scale, not whole, not a number: 400 naming the field, as JSON or as a page.
  for (const rating of [6, 0, 4.5, '4']) {
    expect(await post(link, { rating })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'rating' }] } } });
  }
  const notANumber = await postForm(link, { rating: 'four' });
  expect(notANumber.status).toBe(400);
  expect(notANumber.headers.get('content-type')).toMatch(/text\/html/);
  // The form again, with the problem named at the top (a link to the field) and beside the field.
  const refusedPage = await notANumber.text();
  expect(refusedPage).toMatch(/<div class="errors" role="alert">.*<li><a href="#field-rating">Rating<\/a>: .+<\/li>/);
  expect(refusedPage).toMatch(/<fieldset id="field-rating" aria-describedby="field-rating-hint field-rating-error" aria-invalid="true">/);
  expect(refusedPage).toContain('<form method="post">');
  // The old request shape is an accept-or-change answer: not one a rating takes.
  const old = update(journeyId, { subject, decision: 'accept' });
  await expect(old).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
  await expect(old).rejects.toMatchObject({ cause: { type: FailureTypes.invalidDecisionAnswer } });

  const answered = await postForm(link, { rating: '4', comment: '  Quick and friendly  ' });
  expect(answered.status).toBe(200);
  expect(await answered.text()).toContain('We have your answer.');
  expect(await answerOf(handle)).toEqual({ rating: 4, comment: 'Quick and friendly' });
  expect(await rowOf(journeyId, subject)).toMatchObject({ form: 'rating', status: 'ANSWERED', answer: { rating: 4, comment: 'Quick and friendly' }, comments: 'Quick and friendly' });
  const event = await h.db.journeyEvent.findFirstOrThrow({ where: { journeyId, type: 'customer_answered' } });
  expect(event).toMatchObject({ actor: 'customer', data: { subject, rating: 4, comment: 'Quick and friendly' } });

  const after = await html(link);
  expect(after).toContain('This has already been answered.');
  expect(after).toMatch(/<th>Rating<\/th><td>4<\/td>/);
  expect(after).not.toContain('<form');
  expect(await post(link, { rating: 5 })).toMatchObject({ status: 409, body: { error: { message: 'This has already been answered' } } });
});

it('offers a choice among the options given, refuses others and unstorable text, and takes one of two answers sent at once', async () => {
  const options = ['Tuesday 10:00', 'Wednesday <14:00>'];
  const { handle, journeyId, subject, link } = await ask('choice', { options, title: 'When shall we meet?' });
  const json = await request(h.baseUrl, 'GET', link);
  expect(json.body).toMatchObject({ form: 'choice', options });
  expect(json.body.schema.properties.choice.enum).toEqual(options);
  const page = await html(link);
  expect(page).toContain('<legend>Choice</legend>');
  expect(page).toContain('value="Tuesday 10:00" required> Tuesday 10:00</label>');
  expect(page).toContain('value="Wednesday &#60;14:00&#62;" required> Wednesday &#60;14:00&#62;</label>');
  expect(page).not.toContain('<14:00>');

  expect(await post(link, { choice: 'Friday 09:00' })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'choice' }] } } });
  expect(await post(link, { choice: 'Tuesday 10:00', when: 'soon' })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'when', message: 'Unknown field' }] } } });
  // A NUL or a lone surrogate cannot be stored: refused at the edge, before the journey hears of it.
  for (const raw of ['{"choice":"Tuesday 10:00\\u0000"}', '{"choice":"\\ud800"}', '{"choice":"Tuesday 10:00","comment":"\\udc00x"}']) {
    const res = await request(h.baseUrl, 'POST', link, raw);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toMatch(/NUL character or an unpaired surrogate/);
  }
  // The journey did not hear of any of it: the decision is still open.
  expect((await rowOf(journeyId, subject)).status).toBe('OPEN');

  // Two answers at once: the journey takes the first it sees, and refuses the other.
  const both = await Promise.all(options.map((choice) => post(link, { choice })));
  expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  const taken = both.find((r) => r.status === 200)!.body;
  expect(taken).toEqual({ subject, answer: { choice: expect.stringMatching(/^(Tuesday 10:00|Wednesday <14:00>)$/) } });
  expect(await answerOf(handle)).toEqual(taken.answer);
  expect(await rowOf(journeyId, subject)).toMatchObject({ status: 'ANSWERED', answer: taken.answer, options });
});

it('takes the old request shape as an accept-or-change answer, and refuses an invalid answer with its fields', async () => {
  const { handle, journeyId, subject, link } = await ask('accept-or-change');
  expect((await h.db.email.findFirstOrThrow({ where: { key: `${journeyId}:decision:${subject}` } })).text).toContain('accept it or tell us what to change');
  const page = await html(link);
  expect(page).toContain('<fieldset><legend>Your answer</legend><button class="yes" name="decision" value="accept">Accept</button><button class="other" name="decision" value="request-changes">Request changes</button></fieldset>');

  // Past the page's own check, the journey's validator refuses it with the same form, field by field.
  const invalid = update(journeyId, { subject, answer: { decision: 'request-changes' } });
  await expect(invalid).rejects.toMatchObject({ cause: { type: FailureTypes.invalidDecisionAnswer, details: [[{ field: 'answer.comments', message: 'Tell us what to change' }]] } });
  // … which the API answers as a 400 with those fields.
  await expect(decide({ db: h.db, temporal: h.env.client, config: h.config }, { journeyId, subject }, { decision: 'request-changes' })).rejects.toMatchObject({
    code: 'validation_failed',
    details: { fields: [{ field: 'answer.comments', message: 'Tell us what to change' }] },
  });

  await expect(update(journeyId, { subject, decision: 'request-changes', comments: 'Bigger logo' })).resolves.toEqual({
    subject,
    answer: { decision: 'request-changes', comments: 'Bigger logo' },
  });
  expect(await answerOf(handle)).toEqual({ decision: 'request-changes', comments: 'Bigger logo' });
  expect(await rowOf(journeyId, subject)).toMatchObject({ status: 'CHANGES_REQUESTED', comments: 'Bigger logo', answer: { decision: 'request-changes', comments: 'Bigger logo' } });
  expect(await h.db.journeyEvent.count({ where: { journeyId, type: 'customer_requested_changes' } })).toBe(1);
  expect(await post(link, { decision: 'accept' })).toMatchObject({ status: 409, body: { error: { message: 'This has already been answered (changes requested)' } } });
});

it('expires a decision unanswered by its timeout, after a reminder: the journey gets undefined', async () => {
  const { handle, journeyId, subject, link } = await ask('nps', { timeoutMs: 4_000, remindAfterMs: 1_000 });
  const page = await html(link);
  // 0 to 10 is a scale of eleven choices.
  for (const n of [0, 5, 10]) expect(page).toContain(`<input type="radio" name="score" value="${n}" required> ${n}</label>`);
  expect(await answerOf(handle)).toBeNull();
  expect(await rowOf(journeyId, subject)).toMatchObject({ status: 'EXPIRED', answer: null });
  expect(await h.db.email.count({ where: { key: `${journeyId}:decision:${subject}:reminder` } })).toBe(1);
  expect(await h.db.journeyWait.findFirstOrThrow({ where: { journeyId, kind: 'approval' } })).toMatchObject({ key: subject, outcome: 'timed_out' });
  expect(await h.db.journeyEvent.count({ where: { journeyId, type: 'customer_decision_expired' } })).toBe(1);
  // The link lasted as long as the decision could be answered.
  expect(await post(link, { score: 9 })).toMatchObject({ status: 404, body: { error: { message: 'This link has expired' } } });
});

it('on its page, a decline looks like one, asks for its reasons on the form, and is confirmed before it is sent', async () => {
  const { handle, journeyId, subject, link } = await ask('approve-or-decline');
  const page = await html(link);
  expect(page).toContain('<button class="yes" name="decision" value="approve">Approve</button><button class="no" name="decision" value="decline">Decline</button>');

  // Declined without saying why: the form again (400), the reasons' field marked, nothing sent.
  const noReasons = await postForm(link, { decision: 'decline', reasons: '' });
  expect(noReasons.status).toBe(400);
  const again = await noReasons.text();
  expect(again).toMatch(/<li><a href="#field-reasons">Reasons<\/a>: Tell us why not<\/li>/);
  expect(again).toContain('<p class="error" id="field-reasons-error">Tell us why not</p>');
  expect(again).not.toContain('Sorry');

  // With reasons: asked once more, what they wrote shown, nothing sent yet.
  const reasons = 'The price is above our budget <this year>';
  const confirm = await postForm(link, { decision: 'decline', reasons });
  expect(confirm.status).toBe(200);
  const asked = await confirm.text();
  expect(asked).toContain('<h1>Decline: are you sure?</h1>');
  expect(asked).toContain('The price is above our budget &#60;this year&#62;');
  expect(asked).toContain('<button class="no" name="decision" value="decline">Yes, decline</button><button class="other" name="back" value="yes">No, go back</button>');
  expect((await rowOf(journeyId, subject)).status).toBe('OPEN');

  // "No, go back": the form with the reasons kept; then the confirmed decline is the answer.
  const back = await postForm(link, { reasons, confirm: 'yes', back: 'yes' });
  expect(back.status).toBe(200);
  expect(await back.text()).toContain('name="reasons" maxlength="5000" aria-describedby="field-reasons-hint">The price is above our budget &#60;this year&#62;</textarea>');
  expect((await rowOf(journeyId, subject)).status).toBe('OPEN');
  const sent = await postForm(link, { decision: 'decline', reasons, confirm: 'yes' });
  expect(sent.status).toBe(200);
  expect(await sent.text()).toContain('We have your answer.');
  expect(await answerOf(handle)).toEqual({ decision: 'decline', reasons });
  // An approval is taken at once; callers of the JSON API are never asked to confirm.
});

it('withdraws a decision when the journey is cancelled: the page says so and takes no answer', async () => {
  const { handle, journeyId, subject, link } = await ask('approve-or-decline');
  expect(await post(link, { decision: 'decline' })).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'reasons', message: 'Tell us why not' }] } } });
  await handle.cancel();
  await expect(handle.result()).resolves.toMatchObject({ status: 'CANCELLED' });
  await eventually(() => rowOf(journeyId, subject), (d) => d.status === 'WITHDRAWN');
  expect(await html(link)).toContain('This no longer awaits an answer.');
  expect(await post(link, { decision: 'approve' })).toMatchObject({ status: 409, body: { error: { message: 'This no longer awaits an answer' } } });
});
