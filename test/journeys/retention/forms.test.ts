// The retention task forms: a good check-in and checklist pass as typed, and each bad value is
// refused on its own field (the API answers those as a 400 per field).
import { retentionTaskForms } from '../../../workflows/retention/forms';

const checkIn = retentionTaskForms['check-in'];
const checklist = retentionTaskForms['onboarding-checklist'];
const badFields = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => result.error?.issues.map((i) => i.path.join('.'));

const goodCheckIn = {
  channel: 'call',
  sentiment: 'positive',
  notes: '  Launch went well; they want reporting next.  ',
  issuesRaised: ['Exports are slow on Mondays'],
  opportunitiesFound: ['A reporting dashboard for the board'],
  referralAsked: true,
};

it('takes a check-in, trimmed', () => {
  expect(checkIn.parse(goodCheckIn)).toEqual({ ...goodCheckIn, notes: 'Launch went well; they want reporting next.' });
  expect(checkIn.safeParse({ ...goodCheckIn, issuesRaised: [], opportunitiesFound: [], referralAsked: false }).success).toBe(true);
});

it('refuses each bad check-in value on its own field', () => {
  const bad = checkIn.safeParse({
    ...goodCheckIn,
    sentiment: 'great',
    notes: '   ',
    issuesRaised: ['fine', ''],
    opportunitiesFound: 'a dashboard',
    referralAsked: 'yes',
  });
  expect(badFields(bad)).toEqual(['sentiment', 'notes', 'issuesRaised.1', 'opportunitiesFound', 'referralAsked']);
  expect(badFields(checkIn.safeParse({ ...goodCheckIn, channel: 'fax', issuesRaised: Array(21).fill('x') }))).toEqual(['channel', 'issuesRaised']);
  expect(badFields(checkIn.safeParse({ ...goodCheckIn, notes: 'a\u0000b' }))).toEqual(['notes']);
});

it('takes an onboarding checklist with at least one operational contact', () => {
  const good = {
    operationalContacts: [{ name: 'Sue Support', contactFor: 'Bugs and questions' }],
    clientContacts: [{ name: 'Ana Ops', email: ' Ana@Client.Example ' }],
    recognition: 'Sent a launch hamper to their team.',
    notes: '',
  };
  expect(checklist.parse(good)).toEqual({ ...good, clientContacts: [{ name: 'Ana Ops', email: 'ana@client.example' }], notes: undefined });
  expect(badFields(checklist.safeParse({ ...good, operationalContacts: [], clientContacts: [{ name: 'Ana Ops', email: 'ana' }], recognition: '' }))).toEqual([
    'operationalContacts',
    'clientContacts.0.email',
    'recognition',
  ]);
});
