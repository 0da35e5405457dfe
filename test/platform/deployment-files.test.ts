// docker-compose.yml cannot run here (no Docker engine), so what can be checked is checked: it
// parses, it has the roles the README describes, every variable it sets is one the code reads and
// accepts, the migration is an npm script and the long-running processes are node itself (on their
// npm scripts' files), health checks ask what readiness means, and the production topology run
// (scripts/production-topology.ts, which reads this file) runs what it describes. The README's
// configuration table is checked too.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../platform/config';
import { loadCompose, requiredVariables, serviceEnv, startOrder, NOT_RUN_IN_TOPOLOGY } from '../../scripts/topology/compose';
import { TEMPORAL_SERVER_VERSION } from '../../scripts/topology/temporal-server';

const root = path.resolve(__dirname, '..', '..');
const compose = loadCompose();
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const appServices = ['api', 'worker', 'migrate'] as const;
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** What whoever runs compose supplies for each `${VAR:?…}`: values of the right shape. */
const supplied = Object.fromEntries(requiredVariables().map((k) => [k, k.endsWith('_URL') ? 'https://operator.example.com' : `${k.toLowerCase()}-supplied-by-the-operator-0123456789`]));
const envOf = (name: string) => serviceEnv(compose.services[name]!, supplied, {});

describe('docker-compose.yml', () => {
  it('has PostgreSQL, a Temporal cluster with its UI, migrations, the API and scaled-out workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'prometheus', 'proxy', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-ui', 'worker']);
    expect(compose.services.worker!.deploy!.replicas).toBeGreaterThanOrEqual(2);
    expect(compose.services.api!.deploy!.replicas).toBeGreaterThanOrEqual(2);
  });

  it.each(appServices)('%s sets only variables the code reads, with values it accepts', (name) => {
    const env = envOf(name);
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
    const config = loadConfig(env);
    expect(config.database.url).toMatch(/@postgres:5432\//);
    if (name !== 'migrate') expect(config.temporal.address).toBe('temporal:7233');
  });

  it('runs the one-shot migration as an npm script that exists', () => {
    const [npm, run, script] = compose.services.migrate!.command!;
    expect([npm, run]).toEqual(['npm', 'run']);
    expect(scripts[script!]).toBeDefined();
  });

  // A long-running process is node itself, so a stop signal reaches what drains (npm would die and
  // leave it running), on the compiled copy of the file its npm script runs.
  const compiled = (file: string) => `dist/server/${file.replace(/\.ts$/, '.js')}`;
  it.each([['api', 'api'], ['worker', 'worker']] as const)('%s runs node on the compiled file its npm script runs, as the Dockerfile does', (name, script) => {
    const source = scripts[script]!.replace(/^tsx /, '');
    expect(fs.existsSync(path.join(root, source))).toBe(true);
    expect(compose.services[name]!.command).toEqual(['node', compiled(source)]);
  });
  it('builds an image that compiles the server and runs the API with node, as an unprivileged user without dev dependencies', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^RUN .*npm run build:server/m);
    expect(scripts['build:server']).toBe('tsc -p tsconfig.build.json');
    const build = JSON.parse(read('tsconfig.build.json').replace(/^\/\/.*$/gm, ''));
    expect(build.compilerOptions).toMatchObject({ outDir: 'dist/server', rootDir: '.', noEmit: false });
    expect(dockerfile).toMatch(new RegExp(`^CMD \\["node", "${compiled(scripts.api!.replace(/^tsx /, ''))}"\\]$`, 'm'));
    const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runStage).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('builds the workflow bundle once, where WORKFLOW_BUNDLE tells the workers to load it from', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^RUN .*npm run build:workflows/m);
    expect(scripts['build:workflows']).toBe('tsx scripts/build-workflow-bundle.ts');
    expect(dockerfile).toMatch(/^ENV .*WORKFLOW_BUNDLE=\/app\/dist\/workflow-bundle\.js/m);
  });
});

describe('the production shape in docker-compose.yml', () => {
  const published = (name: string) => compose.services[name]!.ports ?? [];

  it('publishes only the TLS proxy to the network; Temporal, its Web UI and Prometheus stay off it', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'proxy') continue;
      for (const port of service.ports ?? []) expect(`${name} ${port}`).toMatch(/ 127\.0\.0\.1:/);
    }
    expect(published('temporal')).toEqual([]);
    expect(published('api')).toEqual([]);
    expect(published('proxy').sort()).toEqual(['443:443', '80:80']);
  });

  it('puts the proxy in front of every API replica, on the port the API listens on, checking its readiness', () => {
    expect(compose.services.proxy!.volumes).toContain('./deploy/caddy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const caddyfile = read('deploy/caddy/Caddyfile');
    const api = loadConfig(envOf('api'));
    expect(caddyfile).toContain(`dynamic a api ${api.http.port}`);
    expect(caddyfile).toContain('health_uri /readyz');
    // The one hop in front is trusted for the client's address.
    expect(api.http.trustProxy).toBe(1);
  });

  it('runs the Temporal server and its admin tools at the version the topology run builds', () => {
    const version = TEMPORAL_SERVER_VERSION.replace(/^v/, '');
    expect(compose.services.temporal!.image).toBe(`temporalio/server:${version}`);
    expect(compose.services['temporal-schema']!.image).toBe(`temporalio/admin-tools:${version}`);
    expect(compose.services['temporal-namespace']!.image).toBe(`temporalio/admin-tools:${version}`);
    expect(Object.values(compose.services).map((s) => s.image ?? '')).not.toContainEqual(expect.stringContaining('auto-setup'));
  });

  it('counts Temporal healthy once the namespace the apps use exists, and the apps wait for that', () => {
    const namespace = envOf('api').TEMPORAL_NAMESPACE;
    expect(compose.services.temporal!.healthcheck!.test.join(' ')).toContain(`/api/v1/namespaces/${namespace}`);
    expect(envOf('temporal-namespace').TEMPORAL_NAMESPACE).toBe(namespace);
    for (const name of appServices.filter((n) => n !== 'migrate')) {
      expect(compose.services[name]!.depends_on).toMatchObject({ temporal: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } });
    }
    expect(compose.services.temporal!.depends_on).toMatchObject({ 'temporal-schema': { condition: 'service_completed_successfully' } });
  });

  it('checks the API on /readyz and each worker on its health endpoint, where they listen', () => {
    const api = loadConfig(envOf('api'));
    expect(compose.services.api!.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${api.http.port}/readyz`);
    const worker = loadConfig(envOf('worker'));
    expect(worker.http.workerHealthPort).toBeDefined();
    expect(compose.services.worker!.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${worker.http.workerHealthPort}/healthz`);
  });

  it('gives the app and Temporal a database role and password each, made by the mounted init script', () => {
    const app = new URL(envOf('api').DATABASE_URL!);
    const temporal = envOf('temporal');
    expect(app.username).not.toBe(temporal.POSTGRES_USER);
    expect(decodeURIComponent(app.password)).not.toBe(temporal.POSTGRES_PWD);
    expect(envOf('temporal-schema').SQL_USER).toBe(temporal.POSTGRES_USER);
    expect(compose.services.postgres!.volumes).toContain('./deploy/postgres/create-roles.sh:/docker-entrypoint-initdb.d/create-roles.sh:ro');
    const roles = read('deploy/postgres/create-roles.sh');
    expect(roles).toContain(`CREATE ROLE ${app.username} LOGIN`);
    expect(roles).toContain(`CREATE DATABASE ${app.pathname.slice(1)} OWNER ${app.username}`);
    expect(roles).toContain(`CREATE ROLE ${temporal.POSTGRES_USER} LOGIN CREATEDB`);
  });

  it('mounts only files that exist, and runs the one-shot Temporal jobs from them', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const from = volume.split(':')[0]!;
        if (from.startsWith('./')) expect(fs.existsSync(path.join(root, from))).toBe(true);
      }
    }
    expect(compose.services['temporal-schema']!.command).toEqual(['/deploy/temporal/setup-schema.sh']);
    expect(compose.services['temporal-namespace']!.command).toEqual(['/deploy/temporal/create-namespace.sh']);
  });

  it('is what the production topology run runs: every service but the ones it names, in compose\'s order', () => {
    const source = read('scripts/production-topology.ts');
    const run = [...new Set([...source.matchAll(/svc\('([\w-]+)'\)/g)].map((m) => m[1]!))];
    expect([...run, ...Object.keys(NOT_RUN_IN_TOPOLOGY)].sort()).toEqual(Object.keys(compose.services).sort());
    const order = startOrder(compose).filter((n) => run.includes(n));
    // The order in which the run first touches each service is compose's.
    const firstUse = [...run].sort((x, y) => source.indexOf(`svc('${x}')`) - source.indexOf(`svc('${y}')`));
    expect(order.indexOf('postgres')).toBeLessThan(order.indexOf('temporal-schema'));
    expect(order.indexOf('temporal-schema')).toBeLessThan(order.indexOf('temporal'));
    for (const [before, after] of [['postgres', 'temporal-schema'], ['temporal-schema', 'temporal'], ['temporal', 'temporal-namespace'], ['migrate', 'api'], ['migrate', 'worker']]) {
      expect(firstUse.indexOf(before!)).toBeLessThan(firstUse.indexOf(after!));
    }
    expect(scripts['test:topology']).toBe('tsx scripts/production-topology.ts');
    expect(read('.ci/run')).toMatch(/^npm run test:topology$/m);
  });
});

describe('prometheus.yml and the Grafana dashboard', () => {
  const prometheus = parse(fs.readFileSync(path.join(root, 'prometheus.yml'), 'utf8'));
  const job = (name: string) => prometheus.scrape_configs.find((j: { job_name: string }) => j.job_name === name);
  const env = (name: string) => loadConfig(envOf(name));

  it('are mounted by compose, with the token the API asks for as a secret', () => {
    const raw = parse(read('docker-compose.yml'), { merge: true });
    expect(raw.services.prometheus.volumes).toContain('./prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(raw.services.prometheus.secrets).toEqual(['metrics_token']);
    expect(raw.secrets.metrics_token.environment).toBe('METRICS_TOKEN');
    expect(raw.services.api.environment.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?/);
  });

  it('scrape every API replica with the Bearer token, where it listens, and every worker on its metrics port', () => {
    const api = env('api');
    expect(api.metrics).toMatchObject({ served: true, token: expect.any(String) });
    expect(job('pivotal-api')).toMatchObject({
      metrics_path: '/metrics',
      authorization: { type: 'Bearer', credentials_file: '/run/secrets/metrics_token' },
      dns_sd_configs: [{ names: ['api'], type: 'A', port: api.http.port }],
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
