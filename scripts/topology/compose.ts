// docker-compose.yml as the production topology run reads it: each service's command, variables and
// dependencies, with `${VAR:?…}` and `${VAR:-default}` filled in as compose fills them. The run takes
// its commands, variables and start order from here, so it runs what compose describes; only
// addresses change (every process shares one host, so services' names and fixed ports become
// 127.0.0.1 and spare ports).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type ComposeService = {
  image?: string;
  build?: unknown;
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
  ports?: string[];
  volumes?: string[];
};
export type Compose = { services: Record<string, ComposeService> };

export const root = path.resolve(__dirname, '..', '..');

export function loadCompose(file = path.join(root, 'docker-compose.yml')): Compose {
  return parse(fs.readFileSync(file, 'utf8'), { merge: true }) as Compose;
}

/** Compose's interpolation: `${VAR}`, `${VAR:-default}`, `${VAR:?message}` (refused when unset). */
export function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const v = vars[name];
    if (v !== undefined && v !== '') return v;
    if (op === '-') return arg ?? '';
    if (op === '?') throw new Error(`docker-compose.yml needs ${name}: ${arg}`);
    return '';
  });
}

/** The variables compose asks whoever runs it for (`${VAR:?…}` anywhere in the file). */
export function requiredVariables(file = path.join(root, 'docker-compose.yml')): string[] {
  return [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]!))].sort();
}

/** A service's environment as compose would pass it, with `host:port` addresses of other services moved. */
export function serviceEnv(service: ComposeService, vars: Record<string, string>, addresses: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, raw]) => {
      let value = interpolate(String(raw), vars);
      for (const [from, to] of Object.entries(addresses)) value = value.split(from).join(to);
      return [key, value];
    }),
  );
}

export const dependencies = (service: ComposeService): string[] =>
  Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});

/** Services in an order that starts each after what it depends on (compose's order). */
export function startOrder(compose: Compose): string[] {
  const order: string[] = [];
  const visit = (name: string, trail: string[]) => {
    if (order.includes(name)) return;
    if (trail.includes(name)) throw new Error(`docker-compose.yml: a dependency cycle through ${[...trail, name].join(' → ')}`);
    for (const dep of dependencies(compose.services[name]!)) visit(dep, [...trail, name]);
    order.push(name);
  };
  for (const name of Object.keys(compose.services)) visit(name, []);
  return order;
}

/** Compose services the production topology run leaves out, and why. */
export const NOT_RUN_IN_TOPOLOGY: Record<string, string> = {
  proxy: 'the run drives the API processes directly, behind nothing else (TLS is the proxy\'s job, not the app\'s)',
  'temporal-ui': "Temporal's Web UI reads what the server holds; nothing in the app depends on it",
  prometheus: 'it scrapes what the processes serve; the API tests check /metrics',
};
