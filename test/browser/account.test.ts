// A client's account with customer success in the browser, on the real stack: a project signed off
// hands the customer over (the retention journey starts), a manager assigns the owner on the
// customer's page and changes the cadence there, which the journey takes; the health score with
// its inputs and the check-ins show as the account holds them. Two years of check-ins cannot be
// lived here (the time-skipping test in test/journeys/retention/ does that), so the check-in rows
// and the last assessment are written as the journey's activities write them. Desktop and phone.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { createRetentionActivities } from '../../activities/retention/accounts';
import { createAdvocacyActivities } from '../../activities/retention/advocacy';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { lead, quoteDraft } from '../support/fixtures';
import { journeyDriver } from '../support/journey-driver';
import { axeViolations, blocking, logIn, openApp, PHONE, screenshot, startBrowserStack, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const DAY = 24 * 60 * 60 * 1000;

it("shows a client's account: owner, cadence, health and its inputs, check-ins, referrals; a manager assigns the owner, changes the cadence and gives a referral code", async () => {
  const drive = journeyDriver(h);
  const company = uniqueCompany('Fjord Freight');
  const { deliveryId, customerId } = await drive.projectInProgress({ companyName: company }, { ...quoteDraft, billing: 'COMPLETION' });
  await drive.deliverMilestone(deliveryId, 1);
  await drive.deliverMilestone(deliveryId, 2);
  await drive.answer(deliveryId, 'sign-off:1', 'accept');
  const retentionId = `journey:${customerId}:retention:1`;
  await drive.complete('success', retentionId, 'onboarding-checklist', {
    operationalContacts: [{ name: 'Robert King', contactFor: 'Technical questions' }],
    clientContacts: [{ name: 'Ingrid Olsen', email: 'ingrid@fjord.test' }],
    recognition: 'Flowers for the launch team',
  });
  await eventually(() => h.db.clientAccount.findUniqueOrThrow({ where: { customerId } }), (a) => a.nextCheckInAt !== null);

  // Two check-ins as the journey records them: one held (negative), one missed; then the assessment.
  const records = createRetentionActivities({ db: h.db, config: h.config });
  const now = Date.now();
  const first = { journeyId: retentionId, customerId, kind: 'check-in' as const, dueAt: new Date(now - 28 * DAY).toISOString() };
  const second = { ...first, dueAt: new Date(now - 14 * DAY).toISOString() };
  await records.checkInDue(first);
  await records.holdCheckIn({ ...first, at: new Date(now - 27 * DAY).toISOString(), result: { channel: 'call', sentiment: 'negative', notes: 'Deliveries to Bergen run late.', issuesRaised: ['Late deliveries'], opportunitiesFound: ['A second warehouse'], referralAsked: false } });
  await records.checkInDue(second);
  await records.missCheckIn({ ...second, at: new Date(now - DAY).toISOString() });
  // 100 less 10 (negative) less 5 (one missed since the last held) = 85.
  const { health } = await records.assessHealth({ journeyId: retentionId, customerId, key: 'browser-test', at: new Date().toISOString() });
  expect(health.score).toBe(85);

  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'manager');
  await page.goto(`/#/customers/${customerId}/show`);
  const section = page.locator('.MuiCard-root').filter({ has: page.getByRole('heading', { name: 'Customer success' }) });
  await section.getByText('Health 85').first().waitFor();
  await section.getByRole('row').filter({ hasText: 'Sentiment at the last check-in' }).filter({ hasText: '−10 of 10' }).waitFor();
  await section.getByRole('row').filter({ hasText: 'Check-ins missed since the last one held' }).filter({ hasText: '−5 of 10' }).waitFor();
  // (A row's name is its cells' text; the health table's "Check-ins missed …" row is not a check-in.)
  await section.getByRole('row', { name: /^Check-in .*\bheld\b.*Deliveries to Bergen run late/ }).waitFor();
  await section.getByRole('row', { name: /^Check-in .*\bmissed\b/ }).waitFor();
  await section.getByText('Ingrid Olsen <ingrid@fjord.test>').waitFor();

  // The manager assigns the owner and changes the cadence; the journey takes both.
  await section.getByLabel('Account owner').click();
  await page.getByRole('option', { name: 'Cass Success' }).click();
  await eventually(() => h.db.clientAccount.findUniqueOrThrow({ where: { customerId } }), (a) => a.ownerId === h.users.success.id);
  await section.getByLabel('First 90 days').click();
  await page.getByRole('option', { name: 'Every month' }).click();
  await eventually(() => h.db.clientAccount.findUniqueOrThrow({ where: { customerId } }), (a) => a.earlyCadence === 'monthly');
  await page.getByText('Cadence changed').waitFor();

  // A referral code for the client; a lead sent with it shows under the account's referrals.
  await section.getByRole('button', { name: 'Give a referral code' }).click();
  await page.getByText('Referral code given').waitFor();
  const { referralCode } = await h.db.customer.findUniqueOrThrow({ where: { id: customerId } });
  await section.getByText(referralCode!, { exact: true }).waitFor();
  const referred = uniqueCompany('Harbour Tiles');
  expect((await h.as('anonymous')('POST', '/api/leads', lead({ companyName: referred, email: `${randomUUID()}@harbour.test`, referralCode }))).status).toBe(201);
  await eventually(() => h.db.inquiry.count({ where: { referrerId: customerId } }), (n) => n === 1);
  await page.reload();
  await section.getByRole('table', { name: 'Leads referred' }).getByRole('link', { name: referred }).waitFor();
  await screenshot(page, 'account-01-desktop');

  // On a phone, from the start (a fresh page at that size).
  const phone = await openApp(browser, h.baseUrl);
  await phone.setViewportSize({ width: 390, height: 844 });
  await logIn(phone, 'manager');
  await phone.goto(`/#/customers/${customerId}/show`);
  await phone.getByRole('heading', { name: 'Customer success' }).waitFor();
  await phone.getByText('Check-ins missed since the last one held').waitFor();
  expect(await widerThanScreen(phone)).toEqual([]);
  await screenshot(phone, 'account-02-phone');

  // The owner sees the account, may change the cadence, and has no owner picker or leave button.
  const owner = await openApp(browser, h.baseUrl);
  await logIn(owner, 'success');
  await owner.goto(`/#/customers/${customerId}/show`);
  const ownersView = owner.locator('.MuiCard-root').filter({ has: owner.getByRole('heading', { name: 'Customer success' }) });
  await ownersView.getByLabel('First 90 days').waitFor();
  expect(await ownersView.getByLabel('Account owner').count()).toBe(0);
  expect(await ownersView.getByRole('button', { name: 'Customer leaves' }).count()).toBe(0);
  await ownersView.getByText('Cass Success').waitFor();
});

it('a salesperson opens repeat business from a client’s account: the dialog, the new journey at discovery, listed on the account (desktop and phone)', async () => {
  // A client (their first project won and under way) with an account, as a hand-over leaves one.
  const company = uniqueCompany('Nordlys Optics');
  const first = await journeyDriver(h).projectInProgress({ companyName: company, contactName: 'Siri Lund' });
  const customer = { id: first.customerId };
  const retentionId = `journey:${customer.id}:retention:1`;
  await h.db.journey.create({ data: { id: retentionId, kind: 'retention', customerId: customer.id, stage: 'first-year' } });
  await h.db.clientAccount.create({ data: { customerId: customer.id, journeyId: retentionId } });

  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await page.goto(`/#/customers/${customer.id}/show`);
  const section = page.locator('.MuiCard-root').filter({ has: page.getByRole('heading', { name: 'Customer success' }) });
  await section.getByText('No new projects opened with this client yet.').waitFor();
  await section.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: `New project with ${company}` });
  const open = dialog.getByRole('button', { name: 'Open the project' });
  expect(await open.isDisabled()).toBe(true); // nothing typed yet
  await dialog.getByLabel('Found in').click();
  await page.getByRole('option', { name: 'A review' }).click();
  await dialog.getByLabel('Kind of project').fill('Lens inspection app');
  await dialog.getByLabel('Budget').fill('$50K-$100K');
  await dialog.getByLabel('Timeline').fill('Next quarter');
  await dialog.getByLabel('What the client wants').fill('Their QA team asked for an app to log lens defects on the line.');
  await screenshot(page, 'account-03-new-project');
  await open.click();

  // On to the new journey: at discovery, its first event the repeat business, the discovery meeting open.
  await page.getByText('New project opened: its discovery meeting is with sales').waitFor();
  await page.waitForURL(/#\/journeys\/.*acquisition(%3A|:)2\/show/);
  await page.getByText(/Repeat business opened by Sam Sales, found in a review/).waitFor();
  await page.getByText(`Discovery meeting with ${company} (repeat business)`).first().waitFor();
  const journey = await h.db.journey.findUniqueOrThrow({ where: { id: `journey:${customer.id}:acquisition:2` } });
  expect(journey).toMatchObject({ stage: 'discovery', parentJourneyId: retentionId });
  await screenshot(page, 'account-04-repeat-business-journey');

  // The account lists it; on a phone too, nothing wider than the screen, the dialog included.
  await page.goto(`/#/customers/${customer.id}/show`);
  await section.getByRole('table', { name: 'Repeat business' }).getByRole('link', { name: 'Lens inspection app' }).waitFor();
  const phone = await openApp(browser, h.baseUrl);
  await phone.setViewportSize({ width: 390, height: 844 });
  await logIn(phone, 'sales');
  await phone.goto(`/#/customers/${customer.id}/show`);
  await phone.getByRole('table', { name: 'Repeat business' }).waitFor();
  await phone.getByText('Client, 0-90 days').first().waitFor(); // still a client, with a project opened
  await phone.getByRole('button', { name: 'New project' }).click();
  await phone.getByRole('dialog').waitFor();
  expect(await widerThanScreen(phone)).toEqual([]);
  await screenshot(phone, 'account-05-new-project-phone');
});

it("a client's contracts and testimonials on the account: a salesperson sets a contract's last day; the referral link's page works for the person referred (desktop and phone, axe)", async () => {
  const company = uniqueCompany('Skagen Ceramics');
  const first = await journeyDriver(h).projectInProgress({ companyName: company, contactName: 'Mette Skov' });
  const customerId = first.customerId;
  const retentionId = `journey:${customerId}:retention:1`;
  await h.db.journey.create({ data: { id: retentionId, kind: 'retention', customerId, stage: 'first-year' } });
  await h.db.clientAccount.create({ data: { customerId, journeyId: retentionId } });
  // The client answered an ask as the journey records it: glad to, with words to publish.
  const { referral } = await createAdvocacyActivities({ db: h.db, config: h.config }).recordAdvocacy({
    journeyId: retentionId,
    customerId,
    subject: 'advocacy:browser',
    answer: { decision: 'glad-to', testimonial: 'Every kiln order arrived on the day they promised.', publishAs: 'Mette Skov, Head of Operations' },
    at: new Date().toISOString(),
  });

  const page = await openApp(browser, h.baseUrl);
  await logIn(page, 'sales');
  await page.goto(`/#/customers/${customerId}/show`);
  const section = page.locator('.MuiCard-root').filter({ has: page.getByRole('heading', { name: 'Customer success' }) });
  await section.getByText('“Every kiln order arrived on the day they promised.”').waitFor();
  await section.getByText(/Mette Skov, Head of Operations, agreed to publish/).waitFor();
  const contracts = section.getByRole('table', { name: 'Contracts' });
  await contracts.getByText('None: a one-off project').waitFor();

  // A day already passed is refused on the field; a day ahead is saved and shown as a date.
  await contracts.getByRole('button', { name: /Set the last day/ }).click();
  const dialog = page.getByRole('dialog', { name: "The contract's last day" });
  await dialog.getByLabel('Last day').fill('2020-06-30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByText(/^A day after \d{4}-\d{2}-\d{2}$/).waitFor();
  const lastDay = new Date(Date.now() + 400 * DAY).toISOString().slice(0, 10);
  await dialog.getByLabel('Last day').fill(lastDay);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Last day saved: the renewal is on the account').waitFor();
  const shown = new Date(`${lastDay}T00:00:00Z`).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  await contracts.getByText(shown).waitFor();
  expect((await h.db.contract.findFirstOrThrow({ where: { journeyId: first.journeyId } })).endsOn?.toISOString().slice(0, 10)).toBe(lastDay);
  await screenshot(page, 'account-06-contracts-testimonials');

  // The referral link's page, as the person referred opens it: a contact form that names no client.
  const refer = await openApp(browser, h.baseUrl, new URL(referral!.url).pathname, PHONE);
  await refer.getByRole('heading', { name: 'Tell us what you need' }).waitFor();
  expect(await refer.content()).not.toContain(company);
  expect(await widerThanScreen(refer)).toEqual([]);
  expect(blocking(await axeViolations(refer))).toEqual([]);
  await refer.getByLabel('Your name').fill('Lars Holm');
  await refer.getByLabel('Your company').fill(uniqueCompany('Holm Glass'));
  await refer.getByLabel('What would you like us to help with?').fill('An online shop');
  await refer.getByLabel('Budget, roughly').fill('$10K-$25K');
  await refer.getByLabel('When do you need it?').fill('Spring');
  await refer.getByLabel('Tell us more').fill('We sell glassware to restaurants.');
  await refer.getByLabel('Email').fill(`lars-${randomUUID()}@holm.test`);
  // A phone number that is none (the browser checks only what is required and the email): the form again, with what was typed and the field marked.
  await refer.getByLabel('Phone (optional)').fill('call me');
  await refer.getByRole('button', { name: 'Send' }).click();
  await refer.getByText('Please check what is marked below.').waitFor();
  expect(await refer.getByLabel('Your name').inputValue()).toBe('Lars Holm');
  expect(await refer.getByLabel('Phone (optional)').getAttribute('aria-invalid')).toBe('true');
  await refer.getByText('Must be a phone number').first().waitFor();
  await screenshot(refer, 'account-07-referral-form-phone');
  await refer.getByLabel('Phone (optional)').fill('');
  await refer.getByRole('button', { name: 'Send' }).click();
  await refer.getByRole('heading', { name: 'Thank you' }).waitFor();
  await eventually(() => h.db.inquiry.count({ where: { referrerId: customerId } }), (n) => n === 1);
});
