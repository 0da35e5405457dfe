// The OpenAPI document (GET /api/openapi.json): it describes exactly the routes the app serves, is
// valid OpenAPI 3.1, and the reference page loads only from this server. Then schemathesis runs
// every operation against the running API, as an admin (who holds every role): no 5xx, and every
// response in its documented schema. On a real dev server, worker and PostgreSQL.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../api/app';
import { createLogger } from '../../platform/logger';
import { startHarness, type Harness } from '../support/harness';
import { lead } from '../support/fixtures';
import { eventually, request } from '../support/http';
import { runSchemathesis } from '../support/schemathesis';
import { servedRoutes } from '../support/served-routes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(() => h?.stop());

const documented = (doc: any): string[] =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();

describe('the OpenAPI document', () => {
  let doc: any;
  beforeAll(async () => {
    const res = await request(h.baseUrl, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

  it('describes every route the app serves, and none it does not', () => {
    const app = createApp({ db: h.db, temporal: h.env.client, config: h.config, log: createLogger('silent', 'test') });
    const served = servedRoutes(app);
    expect(served.length).toBeGreaterThan(40);
    expect(documented(doc)).toEqual(served);
  });

  it('is valid OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pf-openapi-')), 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
    const out = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toEqual({ valid: true });
  });

  it('names the roles, the error shape and the list contract', () => {
    const invoices = doc.paths['/api/invoices'].get;
    expect(invoices['x-roles']).toEqual(['finance', 'manager']);
    expect(invoices.description).toContain('Roles: finance, manager');
    expect(invoices.parameters.map((p: any) => p.name).sort()).toEqual(['filter', 'range', 'sort']);
    expect(invoices.responses['200'].headers['Content-Range']).toBeDefined();
    expect(invoices.responses['403'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.paths['/api/users'].post['x-roles']).toEqual(['admin']);
    expect(doc.paths['/api/leads'].post['x-access']).toBe('public');
    const filter = invoices.parameters.find((p: any) => p.name === 'filter').content['application/json'].schema;
    expect(filter.properties.status.enum).toContain('PARTIALLY_PAID');
    expect(filter.additionalProperties).toBe(false);
    expect(doc.paths['/api/tasks/{id}/claim'].post.responses['404']).toBeDefined();
  });

  it("describes the review reports: the JSON record, the PDF, and the customer's link", () => {
    const report = doc.paths['/api/account-reports/{id}'].get;
    expect(report['x-roles']).toEqual(['success', 'manager']);
    expect(report.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/AccountReport');
    for (const record of ['AccountReportFigures', 'ReportFigures', 'CurrencyFigures']) expect(doc.components.schemas[record]).toBeDefined();
    const pdf = doc.paths['/api/account-reports/{id}/pdf'].get;
    expect(pdf['x-roles']).toEqual(['success', 'manager']);
    expect(Object.keys(pdf.responses['200'].content)).toEqual(['application/pdf']);
    const link = doc.paths['/customer/account-reports/{token}'].get;
    expect(link['x-access']).toBe('customer-link');
    expect(Object.keys(link.responses['200'].content)).toEqual(['application/pdf']);
  });

  it('has a reference page whose scripts and styles all come from this server', async () => {
    const page = await fetch(`${h.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith('/api/docs/')).toBe(true);
      expect((await fetch(`${h.baseUrl}${asset}`)).status).toBe(200);
    }
    expect(await (await fetch(`${h.baseUrl}/api/docs/init.js`)).text()).toContain("'/api/openapi.json'");
  });
});

/** Schemathesis over the operations `filter` selects, logged in with `token`; its output is printed as it runs. */
async function schemathesis(token: string, filter: string[], phases: string) {
  return runSchemathesis([
    'run',
    `${h.baseUrl}/api/openapi.json`,
    '--url',
    h.baseUrl,
    '-H',
    `Authorization: Bearer ${token}`,
    ...filter,
    '--checks',
    'not_a_server_error,response_schema_conformance',
    '--phases',
    phases,
    '--max-examples',
    '8',
    '--workers',
    '2',
    '--seed',
    '1',
    '--request-timeout',
    '20',
    '--suppress-health-check',
    'all',
  ]);
}

/** Schemathesis's ERRORS section (each error with its operation and message), or '' when it has none. */
const errorsOf = (output: string) => /^=+ ERRORS =+$([\s\S]*?)^Need more help\?/m.exec(output)?.[1]?.trim() ?? '';

describe('schemathesis against the running API', () => {
  beforeAll(async () => {
    // Real rows for the lists to answer (a customer, their journey, its task, wait and email), so
    // response schemas are checked against records and not only against empty pages.
    const res = await request(h.baseUrl, 'POST', '/api/leads', lead());
    expect(res.status).toBe(201);
    await eventually(() => h.db.task.count({ where: { journeyId: res.body.journeyId } }), (n) => n > 0);
  });

  it('finds no server error and no response outside its documented schema, in any operation', async () => {
    // As an admin, who holds every role, in a session (a staff person, not an API token: tasks are
    // held and commented on by people). Logging out, and changing a user (schemathesis takes user
    // ids from GET /api/users: the admin running it among them), end the session they run in, so
    // they run after the rest, with an admin API token (which neither ends).
    const endsSessions = '^(postApiAuthLogout|patchApiUsersId)$';
    // The stateful phase follows the document's links (a lead to its journey, the inbox to a task's actions).
    const rest = await schemathesis(h.users.admin.token, ['--exclude-operation-id-regex', endsSessions], 'examples,coverage,fuzzing,stateful');
    expect(rest.output).toContain('Operations:');
    const token = await request(h.baseUrl, 'POST', '/api/api-tokens', { name: `schemathesis-${randomUUID()}`, roles: ['admin'] }, h.users.admin.token);
    expect(token.status).toBe(201);
    const last = await schemathesis(token.body.token, ['--include-operation-id-regex', endsSessions], 'examples,coverage,fuzzing');
    // What went wrong goes in the assertion, so a failure's report names it even where the log is cut.
    expect({ rest: rest.code, last: last.code, errors: errorsOf(rest.output) + errorsOf(last.output) }).toEqual({ rest: 0, last: 0, errors: '' });
  }, 600_000);
});
