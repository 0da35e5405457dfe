// docker-compose.yml cannot run here (no Docker engine), so what can be checked is checked: it
// parses, it has the roles the README describes, every variable it sets is one the code reads and
// accepts, the migration is an npm script and the long-running processes are node itself (on their
// npm scripts' files). The README's configuration table is checked too.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../platform/config';

const root = path.resolve(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const appServices = ['api', 'worker', 'migrate'] as const;

/** A service's variables as whoever runs compose supplies them (`${VAR:?message}`): values of the right shape. */
const supplied = (env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, /^\$\{\w+:\?/.test(v) ? (k.endsWith('_URL') ? 'https://operator.example.com' : 'a-secret-supplied-by-the-operator-0123456789') : v]),
  );

describe('docker-compose.yml', () => {
  it('has PostgreSQL, a Temporal cluster with its UI, migrations, the API and scaled-out workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'prometheus', 'temporal', 'temporal-ui', 'worker']);
    expect(compose.services.worker.deploy.replicas).toBeGreaterThanOrEqual(2);
  });

  it.each(appServices)('%s sets only variables the code reads, with values it accepts', (name) => {
    const env = compose.services[name].environment as Record<string, string>;
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
    const config = loadConfig(supplied(env));
    expect(config.database.url).toMatch(/@postgres:5432\//);
    if (name !== 'migrate') expect(config.temporal.address).toBe('temporal:7233');
  });

  it('runs the one-shot migration as an npm script that exists', () => {
    const [npm, run, script] = compose.services.migrate.command as string[];
    expect([npm, run]).toEqual(['npm', 'run']);
    expect(scripts[script!]).toBeDefined();
  });

  // A long-running process is node itself, so a stop signal reaches what drains (npm would die and leave it running).
  it.each([['api', 'api'], ['worker', 'worker']] as const)('%s runs node on the file its npm script runs, as the Dockerfile does', (name, script) => {
    const [node, flag, loader, file] = compose.services[name].command as string[];
    expect([node, flag, loader]).toEqual(['node', '--import', 'tsx']);
    expect(scripts[script]).toBe(`tsx ${file}`);
    expect(fs.existsSync(path.join(root, file!))).toBe(true);
  });
  it('builds an image whose default command is the API, run by node', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "api\/main\.ts"\]$/m);
  });

  it('builds the workflow bundle once, where WORKFLOW_BUNDLE tells the workers to load it from', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^RUN .*npm run build:workflows/m);
    expect(scripts['build:workflows']).toBe('tsx scripts/build-workflow-bundle.ts');
    expect(dockerfile).toMatch(/^ENV .*WORKFLOW_BUNDLE=\/app\/dist\/workflow-bundle\.js/m);
  });
});

describe('prometheus.yml and the Grafana dashboard', () => {
  const prometheus = parse(fs.readFileSync(path.join(root, 'prometheus.yml'), 'utf8'));
  const job = (name: string) => prometheus.scrape_configs.find((j: { job_name: string }) => j.job_name === name);
  const env = (name: string) => {
    const vars = compose.services[name].environment as Record<string, string>;
    return loadConfig(supplied(vars));
  };

  it('are mounted by compose, with the token the API asks for as a secret', () => {
    expect(compose.services.prometheus.volumes).toContain('./prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(compose.services.prometheus.secrets).toEqual(['metrics_token']);
    expect(compose.secrets.metrics_token.environment).toBe('METRICS_TOKEN');
    expect(compose.services.api.environment.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?/);
  });

  it('scrape the API with the Bearer token, where it listens, and every worker on its metrics port', () => {
    const api = env('api');
    expect(api.metrics).toMatchObject({ served: true, token: expect.any(String) });
    expect(job('pivotal-api')).toMatchObject({
      metrics_path: '/metrics',
      authorization: { type: 'Bearer', credentials_file: '/run/secrets/metrics_token' },
      static_configs: [{ targets: [`api:${api.http.port}`] }],
    });
    const worker = env('worker');
    expect(worker.metrics.workerBindAddress).toBe(`0.0.0.0:${job('pivotal-worker').dns_sd_configs[0].port}`);
    expect(job('pivotal-worker').dns_sd_configs[0].names).toEqual(['worker']);
  });

  it('chart only series the API and the workers export', () => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(root, 'deploy', 'grafana', 'pivotal-flow.json'), 'utf8'));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets?: Array<{ expr: string }> }) => (p.targets ?? []).map((t) => t.expr));
    const names = new Set(exprs.flatMap((e) => e.match(/\b(pivotal|temporal)_[a-z_]+/g) ?? []));
    // Ours are in the code that makes them; the SDK's are the Temporal runtime's names.
    const source = ['api/metrics/api-metrics.ts', 'api/metrics/database-gauges.ts', 'workers/activity-failures.ts'].map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
    const sdk = ['temporal_activity_schedule_to_start_latency', 'temporal_workflow_task_schedule_to_start_latency', 'temporal_worker_task_slots_used', 'temporal_activity_execution_latency'];
    for (const name of names) {
      const base = name.replace(/_(bucket|count|sum|total)$/, '');
      if (name.startsWith('temporal_')) expect(sdk).toContain(base);
      else expect(source).toMatch(new RegExp(`'${base}(_total)?'`));
    }
    for (const wanted of ['pivotal_http_request_duration_seconds', 'pivotal_journeys_started_total', 'pivotal_journeys_ended', 'pivotal_journeys_running', 'pivotal_tasks_open', 'pivotal_tasks_overdue', 'pivotal_tasks_escalated', 'pivotal_waits_open', 'pivotal_webhook_deliveries_total', 'pivotal_activity_failures_total']) {
      expect(exprs.join('\n')).toContain(wanted);
    }
  });
});

describe('README', () => {
  it('documents every configuration variable', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(readme).toContain(`\`${name}\``);
  });
});

describe('package-lock.json', () => {
  // `npm ci` (CI, the Dockerfile) refuses a lockfile that leaves out another platform's optional
  // binary ("Missing: @swc/core-darwin-arm64 from lock file"), which an `npm install` on one
  // platform may write.
  it("locks every package's optional dependencies, other platforms' binaries included", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing = Object.entries(lock.packages).flatMap(([at, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((dep) => !(`${at ? `${at}/` : ''}node_modules/${dep}` in lock.packages) && !(`node_modules/${dep}` in lock.packages))
        .map((dep) => `${at || '(root)'} → ${dep}`),
    );
    expect(missing).toEqual([]);
  });
});
