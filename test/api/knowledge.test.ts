// The knowledge base through the API and suggestArticles itself, on a real PostgreSQL (and the
// rest of the stack): who may read and write articles, how suggestions rank (title above body,
// unpublished never, a category's and general ones), hostile text (never a 5xx), and the list
// contract with its full-text filter. Other test files share the database, so every article here
// carries words of its own.
import { randomBytes, randomUUID } from 'node:crypto';
import { suggestArticles } from '../../api/support/knowledge';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
}, 180_000);
afterAll(() => h?.stop());

/** A word no other article has (letters only, so the 'english' parser keeps it as one word). */
const uniqueWord = () => `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const enc = encodeURIComponent;
const PATH = '/api/knowledge-articles';

async function article(fields: { title: string; body: string; category?: string | null; published?: boolean }) {
  const res = await h.as('support')('POST', PATH, { published: true, ...fields });
  if (res.status !== 201) throw new Error(`creating an article failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; title: string; published: boolean; category: string | null };
}

const suggestions = async (query: Record<string, string>, role: Parameters<Harness['as']>[0] = 'sales') => {
  const res = await h.as(role)('GET', `${PATH}/suggestions?${new URLSearchParams(query)}`);
  return res;
};
const titlesOf = (body: { title: string }[]) => body.map((s) => s.title);

describe('articles: who reads and who writes', () => {
  it('support writes a draft; every role reads it; the writer and last editor are recorded', async () => {
    const created = await h.as('support')('POST', PATH, { title: '  How to reset a password ', body: 'Open the login page.', category: 'Account' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      title: 'How to reset a password',
      body: 'Open the login page.',
      category: 'account',
      published: false,
      createdBy: h.users.support.id,
      updatedBy: h.users.support.id,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    for (const role of ['sales', 'pm', 'finance', 'support', 'support_lead', 'manager', 'admin'] as const) {
      const read = await h.as(role)('GET', `${PATH}/${created.body.id}`);
      expect({ role, status: read.status, id: read.body.id }).toEqual({ role, status: 200, id: created.body.id });
    }
    const edited = await h.as('support_lead')('PATCH', `${PATH}/${created.body.id}`, { published: true, category: null });
    expect(edited).toMatchObject({ status: 200, body: { published: true, category: null, title: 'How to reset a password', createdBy: h.users.support.id, updatedBy: h.users.support_lead.id } });
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));
  });

  it('sales, pm and finance may not write (403), and a refused write changes nothing', async () => {
    const a = await article({ title: `Kept ${uniqueWord()}`, body: 'Unchanged.' });
    for (const role of ['sales', 'pm', 'finance'] as const) {
      const api = h.as(role);
      const title = `Intruder ${randomUUID()}`;
      for (const res of [
        await api('POST', PATH, { title, body: 'x' }),
        await api('PATCH', `${PATH}/${a.id}`, { title }),
        await api('DELETE', `${PATH}/${a.id}`),
      ]) {
        expect({ role, status: res.status, code: res.body.error.code }).toEqual({ role, status: 403, code: 'forbidden' });
      }
      expect(await h.db.knowledgeArticle.count({ where: { title } })).toBe(0);
    }
    expect(await h.db.knowledgeArticle.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ title: a.title, body: 'Unchanged.' });
    expect((await h.as('anonymous')('GET', PATH)).status).toBe(401);
  });

  it('a manager deletes one: it answers the article, then it is gone (404); of two deletes at once one wins', async () => {
    const a = await article({ title: `Old ${uniqueWord()}`, body: 'Out of date.' });
    const deleted = await h.as('manager')('DELETE', `${PATH}/${a.id}`);
    expect(deleted).toMatchObject({ status: 200, body: { id: a.id, title: a.title } });
    expect((await h.as('sales')('GET', `${PATH}/${a.id}`)).status).toBe(404);
    expect((await h.as('manager')('DELETE', `${PATH}/${a.id}`)).status).toBe(404);
    expect((await h.as('admin')('PATCH', `${PATH}/${a.id}`, { title: 'Back' })).status).toBe(404);

    const b = await article({ title: `Twice ${uniqueWord()}`, body: 'Deleted twice at once.' });
    const both = await Promise.all([h.as('support')('DELETE', `${PATH}/${b.id}`), h.as('manager')('DELETE', `${PATH}/${b.id}`)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 404]);
  });

  it('answers 404 for ids that are not there or not ids, and 400 naming each bad field', async () => {
    const support = h.as('support');
    for (const id of [randomUUID(), 'not-a-uuid', '%20']) {
      expect((await support('GET', `${PATH}/${id}`)).status).toBe(404);
      expect((await support('PATCH', `${PATH}/${id}`, { title: 'x' })).status).toBe(404);
      expect((await support('DELETE', `${PATH}/${id}`)).status).toBe(404);
    }
    const fields = async (method: string, path: string, body: unknown) => {
      const res = await support(method, path, body);
      expect(res.status).toBe(400);
      return res.body.error.fields.map((f: { field: string }) => f.field).sort();
    };
    expect(await fields('POST', PATH, {})).toEqual(['body', 'title']);
    expect(await fields('POST', PATH, { title: ' ', body: 'x'.repeat(20_001), category: 'c'.repeat(51), published: 'yes', id: randomUUID() })).toEqual(['body', 'category', 'id', 'published', 'title']);
    const a = await article({ title: `Valid ${uniqueWord()}`, body: 'Valid.' });
    expect(await fields('PATCH', `${PATH}/${a.id}`, {})).toEqual(['(body)']);
    expect(await fields('PATCH', `${PATH}/${a.id}`, { title: null, createdBy: h.users.sales.id })).toEqual(['createdBy', 'title']);
    expect(await fields('POST', PATH, { title: 'Nul\u0000', body: 'x' })).toEqual(['title']);
    expect((await h.db.knowledgeArticle.findUniqueOrThrow({ where: { id: a.id } })).createdBy).toBe(h.users.support.id);
  });
});

describe('suggestions', () => {
  it('rank an article whose title matches above one whose body matches; drafts are never suggested', async () => {
    const word = uniqueWord();
    // The body match says the word three times: the title's weight (A against B) still wins.
    const inBody = await article({ title: 'Something else entirely', body: `When ${word} fails, ${word} again; ${word} usually works.` });
    const inTitle = await article({ title: `Fixing ${word}`, body: 'Restart the application and try again.' });
    const draft = await article({ title: `${word} ${word} (draft)`, body: `${word} everywhere ${word}`, published: false });

    const res = await suggestions({ q: `Why is my ${word} down?` });
    expect(res.status).toBe(200);
    expect(titlesOf(res.body)).toEqual([inTitle.title, inBody.title]);
    expect(res.body[0].rank).toBeGreaterThan(res.body[1].rank);
    // The excerpt is plain-text parts, the searched word marked.
    expect(res.body[1].excerpt.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text.toLowerCase())).toEqual([word, word, word]);
    expect(res.body[1].excerpt.map((p: { text: string }) => p.text).join('')).toContain('fails');

    // Published, the draft is offered (it matches most); unpublished again, it is gone.
    expect((await h.as('support')('PATCH', `${PATH}/${draft.id}`, { published: true })).status).toBe(200);
    expect(titlesOf((await suggestions({ q: word })).body)[0]).toBe(draft.title);
    expect((await h.as('support')('PATCH', `${PATH}/${draft.id}`, { published: false })).status).toBe(200);
    expect(titlesOf((await suggestions({ q: word })).body)).toEqual([inTitle.title, inBody.title]);
  });

  it('match any word of what the customer wrote, more words ranking higher, up to the limit', async () => {
    const [a, b, c] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const one = await article({ title: `About ${a}`, body: 'One of the words.' });
    const two = await article({ title: `About ${a} and ${b}`, body: 'Two of the words.' });
    const three = await article({ title: `About ${a}, ${b} and ${c}`, body: 'All three words.' });
    // Stop words around them (common words would match other files' articles in the shared database).
    const typed = `I have ${c} and ${b} after ${a}, can you?`;
    expect(titlesOf((await suggestions({ q: typed })).body)).toEqual([three.title, two.title, one.title]);
    expect(titlesOf((await suggestions({ q: typed, limit: '2' })).body)).toEqual([three.title, two.title]);
    // The function the ticket code calls answers the same.
    expect(titlesOf(await suggestArticles(h.db, typed, { limit: 1 }))).toEqual([three.title]);
  });

  it("with a category: that category's articles and general ones, not another category's", async () => {
    const word = uniqueWord();
    const billing = await article({ title: `${word} on invoices`, body: 'Billing.', category: 'billing' });
    const general = await article({ title: `${word} anywhere`, body: 'General.', category: null });
    await article({ title: `${word} in the app`, body: 'Technical.', category: 'technical' });
    expect(titlesOf((await suggestions({ q: word, category: 'Billing' })).body).sort()).toEqual([billing.title, general.title].sort());
    expect((await suggestions({ q: word })).body).toHaveLength(3);
  });

  it('mark matches as text parts: markup in a body is never HTML, and a body cannot fake a match', async () => {
    const word = uniqueWord();
    await article({ title: `Markup ${word}`, body: `<img src=x onerror=alert(1)> ${word} \ue000fake\ue001 <b>bold</b>` });
    const [s] = (await suggestions({ q: word })).body;
    expect(s.excerpt.every((p: unknown) => typeof p === 'object' && Object.keys(p as object).sort().join() === 'match,text')).toBe(true);
    expect(s.excerpt.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text)).toEqual([word]);
    expect(s.excerpt.map((p: { text: string }) => p.text).join('')).not.toMatch(/[\ue000\ue001]/);
  });
});

describe('hostile text', () => {
  let word: string;
  let title: string;
  beforeAll(async () => {
    word = uniqueWord();
    title = (await article({ title: `Hostile ${word}`, body: 'Still found.' })).title;
  });

  it('suggestions: empty, punctuation, stop words and websearch syntax answer 200, with no suggestion or sane ones', async () => {
    for (const q of ['', '   ', '!!! ??? ---', '"', '" or -', 'the and of or to', '-', "' OR '' = '", '()&|!:*<->']) {
      const res = await suggestions({ q });
      expect({ q, status: res.status, body: res.body }).toEqual({ q, status: 200, body: [] });
    }
    // "1" is a word to search for like any other (another article here says alert(1)).
    expect((await suggestions({ q: "' OR 1=1 --" })).status).toBe(200);
    // Syntax around a real word is no syntax: the word is still searched for (not negated, not a phrase).
    for (const q of [`-${word}`, `"${word}`, `${word}:*`, `!${word}`, `«${word}»`]) {
      expect({ q, titles: titlesOf((await suggestions({ q })).body) }).toEqual({ q, titles: [title] });
    }
  });

  it('suggestions over HTTP: a NUL and oversized text are a clear 400, never a 5xx', async () => {
    const nul = await h.as('sales')('GET', `${PATH}/suggestions?q=${enc(word)}%00`);
    expect({ status: nul.status, fields: nul.body.error.fields }).toEqual({ status: 400, fields: [{ field: 'query.q', message: expect.stringContaining('NUL') }] });
    // A surrogate's bytes in a URL are no UTF-8: the query parser reads them as U+FFFD, and the word still counts.
    for (const raw of [`${enc(word)}%ED%A0%80`, `%ED%B0%80${enc(word)}`, `${enc(word)}%E0%A4%A`]) {
      const res = await h.as('sales')('GET', `${PATH}/suggestions?q=${raw}`);
      expect({ raw, status: res.status, titles: titlesOf(res.body) }).toEqual({ raw, status: 200, titles: [title] });
    }
    const long = await suggestions({ q: `${word} ${'x'.repeat(2_001)}` });
    expect({ status: long.status, fields: long.body.error.fields }).toEqual({ status: 400, fields: [{ field: 'query.q', message: expect.any(String) }] });
    for (const query of [{ q: word, limit: '0' }, { q: word, limit: '21' }, { q: word, limit: 'ten' }, { q: word, extra: '1' }] as Record<string, string>[]) {
      expect((await suggestions(query)).status).toBe(400);
    }
    // 100 KB in the URL: refused by the HTTP server itself (431), before any route, in the API's error shape.
    const huge = await fetch(`${h.baseUrl}${PATH}/suggestions?q=${'x'.repeat(100_000)}`, { headers: { authorization: `Bearer ${h.users.sales.token}` } });
    expect([huge.status, huge.headers.get('content-type')]).toEqual([431, 'application/json; charset=utf-8']);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('headers_too_large');
  });

  it('suggestArticles itself (as the ticket code calls it) takes any text: NUL, surrogates, 100 KB, absurd limits', async () => {
    const hostile = [
      `a\u0000${word}`,
      `\ud800${word}\udc00`,
      `${word} ${'x'.repeat(100_000)}`,
      // 100 KB of one more word no article has (the database is shared: random articles of other files may hold any short word).
      `${word} ${`${uniqueWord()} `.repeat(10_000)}`,
      `${'y'.repeat(3_000)} ${word}`,
      `${'é'.repeat(70)} ${word}`,
    ];
    for (const text of hostile) {
      expect({ text: text.slice(0, 30), titles: titlesOf(await suggestArticles(h.db, text)) }).toEqual({ text: text.slice(0, 30), titles: [title] });
    }
    for (const text of ['', '\u0000', '\ud800', '!!!', 'x'.repeat(100_000), 'the of and']) expect(await suggestArticles(h.db, text)).toEqual([]);
    for (const limit of [0, -5, 2.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect({ limit, titles: titlesOf(await suggestArticles(h.db, word, { limit })) }).toEqual({ limit, titles: [title] });
    }
    // General articles still come with a category no article has, however odd.
    for (const category of ['bi\u0000lling', '\ud800', '', 'x'.repeat(10_000)]) {
      expect(titlesOf(await suggestArticles(h.db, word, { category }))).toEqual([title]);
    }
  });

  it('the list: a search of nothing but syntax answers 200; unstorable or oversized searches are a 400', async () => {
    for (const q of ['"', '-', '!!!', 'or', '" or -']) {
      const res = await h.as('pm')('GET', `${PATH}?filter=${enc(JSON.stringify({ q }))}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
    for (const filter of [`{"q":"${word}\\u0000"}`, `{"q":"\\ud800"}`, JSON.stringify({ q: 'x'.repeat(201) }), '{"q":5}']) {
      const res = await h.as('pm')('GET', `${PATH}?filter=${enc(filter)}`);
      expect({ filter: filter.slice(0, 40), status: res.status }).toEqual({ filter: filter.slice(0, 40), status: 400 });
    }
  });
});

describe('the list contract', () => {
  it('pages with Content-Range, searches title and body with `q`, filters by published and category, sorts', async () => {
    const word = uniqueWord();
    const byTitle = await article({ title: `B ${word} in the title`, body: 'Nothing here.', category: 'project' });
    const byBody = await article({ title: 'A plain title', body: `The ${word} is in the body.`, category: 'project' });
    const draft = await article({ title: `C ${word} draft`, body: 'Draft.', published: false });
    const list = (query: string) => h.as('finance')('GET', `${PATH}?${query}`);

    const found = await list(`filter=${enc(JSON.stringify({ q: word }))}&sort=${enc('["title","ASC"]')}&range=${enc('[0,24]')}`);
    expect(found.status).toBe(200);
    expect(found.headers.get('content-range')).toBe('knowledge-articles 0-2/3');
    expect(titlesOf(found.body)).toEqual([byBody.title, byTitle.title, draft.title]);
    expect(Object.keys(found.body[0]).sort()).toEqual(['body', 'category', 'createdAt', 'createdBy', 'id', 'published', 'title', 'updatedAt', 'updatedBy']);

    const page = await list(`filter=${enc(JSON.stringify({ q: word }))}&sort=${enc('["title","DESC"]')}&range=${enc('[1,1]')}`);
    expect(page.headers.get('content-range')).toBe('knowledge-articles 1-1/3');
    expect(titlesOf(page.body)).toEqual([byTitle.title]);

    const drafts = await list(`filter=${enc(JSON.stringify({ q: word, published: false }))}`);
    expect(titlesOf(drafts.body)).toEqual([draft.title]);
    const project = await list(`filter=${enc(JSON.stringify({ q: word, category: 'PROJECT' }))}&sort=${enc('["title","ASC"]')}`);
    expect(titlesOf(project.body)).toEqual([byBody.title, byTitle.title]);
    // Search-box syntax: a phrase, and a word left out.
    expect(titlesOf((await list(`filter=${enc(JSON.stringify({ q: `"${word} in the title"` }))}`)).body)).toEqual([byTitle.title]);
    expect(titlesOf((await list(`filter=${enc(JSON.stringify({ q: `${word} -draft -body` }))}`)).body)).toEqual([byTitle.title]);

    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-range')).toMatch(/^knowledge-articles 0-\d+\/\d+$/);
    const empty = await list(`filter=${enc(JSON.stringify({ q: uniqueWord() }))}&range=${enc('[0,9]')}`);
    expect({ status: empty.status, range: empty.headers.get('content-range'), body: empty.body }).toEqual({ status: 200, range: 'knowledge-articles 0-0/0', body: [] });
  });

  it('refuses filters and sorts it does not know, naming them', async () => {
    const bad = await h.as('sales')('GET', `${PATH}?filter=${enc('{"body":"x"}')}&sort=${enc('["search","ASC"]')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['query.filter.body', 'query.sort.0']);
  });
});
