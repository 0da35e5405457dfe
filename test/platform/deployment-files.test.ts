// docker-compose.yml cannot run here (no Docker engine), so what can be checked is checked: it
// parses, it has the roles the README describes, every variable it sets is one the code reads and
// accepts, and every command is an npm script. The README's configuration table is checked too.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../platform/config';

const root = path.resolve(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const appServices = ['api', 'worker', 'migrate'] as const;

describe('docker-compose.yml', () => {
  it('has PostgreSQL, a Temporal cluster with its UI, migrations, the API and scaled-out workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']);
    expect(compose.services.worker.deploy.replicas).toBeGreaterThanOrEqual(2);
  });

  it.each(appServices)('%s sets only variables the code reads, with values it accepts', (name) => {
    const env = compose.services[name].environment as Record<string, string>;
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
    // `${VAR:?message}` is supplied by whoever runs compose: stand in a value of the right shape.
    const supplied = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, /^\$\{\w+:\?/.test(v) ? 'a-secret-supplied-by-the-operator-0123456789' : v]),
    );
    const config = loadConfig(supplied);
    expect(config.database.url).toMatch(/@postgres:5432\//);
    if (name !== 'migrate') expect(config.temporal.address).toBe('temporal:7233');
  });

  it.each(appServices)('%s runs an npm script that exists', (name) => {
    const [npm, run, script] = compose.services[name].command as string[];
    expect([npm, run]).toEqual(['npm', 'run']);
    expect(scripts[script!]).toBeDefined();
  });
});

describe('README', () => {
  it('documents every configuration variable', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(readme).toContain(`\`${name}\``);
  });
});
