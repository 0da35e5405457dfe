// The UI's catalogues (admin-ui/src/i18n): French has exactly English's keys, every placeholder of an
// English message is in its French one, and plurals have a form for each count. The types already
// refuse a missing key; this also catches a placeholder lost in translation ("%{name}"), which types cannot.
import { en } from '../../admin-ui/src/i18n/en';
import { fr } from '../../admin-ui/src/i18n/fr';

type Tree = { [key: string]: string | Tree };

/** Every message by its dotted key. */
const flatten = (tree: Tree, prefix = ''): Map<string, string> =>
  new Map(Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : [...flatten(value, `${prefix}${key}.`)])));

const placeholders = (message: string) => new Set(message.match(/%\{[a-z_]+\}/g) ?? []);

const english = flatten(en);
const french = flatten(fr);

it('has the same keys in French as in English', () => {
  expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  expect(english.size).toBeGreaterThan(100);
});

it('keeps every placeholder of an English message in the French one', () => {
  const lost = [...english].flatMap(([key, message]) => [...placeholders(message)].filter((p) => !french.get(key)?.includes(p)).map((p) => `${key}: ${p}`));
  expect(lost).toEqual([]);
});

it('gives a counted message two forms in both languages, the plural one with its count', () => {
  for (const [key, message] of english) {
    if (!message.includes('%{smart_count}')) continue;
    // The singular may say "the filter" rather than "1 filter"; the plural must say how many.
    for (const forms of [message, french.get(key)!].map((m) => m.split(' |||| '))) {
      expect(forms).toHaveLength(2);
      expect(forms[1]).toContain('%{smart_count}');
    }
  }
});

it('has no message left empty or untranslated by mistake', () => {
  expect([...french].filter(([, message]) => !message.trim())).toEqual([]);
  // Words that read the same in both languages; any other French message equal to its English one was forgotten.
  const same = new Set([
    ...['Notifications', 'Tickets', 'tickets', 'Support', 'Type', 'Contact', 'Total', 'SLA', 'Ticket', 'Finance', 'Manager', 'Date', 'Description', 'Conversation', 'Article'],
    ...['signature', 'signal', 'Version %{version}', 'PDF', 'NPS', 'CSAT', '%{smart_count} ticket |||| %{smart_count} tickets'],
    // Figures and units, with no words to translate.
    ...['%{amount}/h', '%{rating} / 5', '%{clock} · %{text}', '%{n} min', '%{n} h', '%{h} h %{m} min'],
  ]);
  expect([...french].filter(([key, message]) => message === english.get(key) && !same.has(message)).map(([key]) => key)).toEqual([]);
});
