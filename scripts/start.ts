// `npm start`: the whole platform on embedded defaults. Ctrl-C stops everything cleanly.
//
// On a fresh clone the Prisma client does not exist until the generate step below, so this file
// imports nothing that loads it: the platform itself is imported only after generation.
import { spawnSync } from 'node:child_process';
// The dev users' roles (api/auth/dev-users.ts makes one `<role>@pivotal.test` each); records.ts is pure, safe to load before the Prisma client exists.
import { ROLES } from '../api/contract/records';
import { ConfigError, DEV_USER_PASSWORD, loadConfig } from '../platform/config';
import { assertPortsFree, InstanceConflict, lockDataDir, stopStrays, watchEmbeddedServers } from '../platform/instance-lock';
import { createLogger } from '../platform/logger';
import { runPrisma } from '../platform/prisma-cli';
import { Shutdown, ShutdownStarted } from '../platform/shutdown';

const config = loadConfigOrExit();
const log = createLogger(config.logLevel);
const shutdown = new Shutdown(log);

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
}

function stop(why: string, code: number) {
  if (shutdown.started) return log.info({ why }, 'already stopping');
  log.info({ why }, 'stopping');
  void shutdown.run().then(() => {
    log.info('stopped');
    process.exit(code);
  });
}

async function main() {
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGHUP', () => stop('SIGHUP', 0));

  // Before anything is built or started: one instance per DATA_DIR, and only ports of its own.
  const lock = lockDataDir(config.dataDir, config.http.publicUrl);
  await shutdown.add('lock', async () => lock.release());
  await stopStrays(config.dataDir, log);
  await assertPortsFree([
    { name: 'PORT', host: config.http.host, port: config.http.port },
    ...(config.database.url ? [] : [{ name: 'EMBEDDED_PG_PORT', host: '127.0.0.1', port: config.database.embeddedPort }]),
    ...(config.temporal.address
      ? []
      : [
          { name: 'TEMPORAL_PORT', host: '127.0.0.1', port: config.temporal.devServerPort },
          { name: 'TEMPORAL_UI_PORT', host: '127.0.0.1', port: config.temporal.uiPort },
        ]),
  ]);

  log.info('generating the Prisma client');
  await runPrisma(['generate']);
  // Built on every start (seconds), so the UI served always matches the code.
  log.info('building the admin UI');
  const built = spawnSync('npx', ['vite', 'build', '--config', 'admin-ui/vite.config.mts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('admin UI build failed');

  const { startPlatform } = await import('../platform/platform.js');
  const platform = await startPlatform(config, log, shutdown);
  // Exit non-zero if an embedded server dies, so the person at the terminal (or a supervisor) restarts us.
  const unwatch = watchEmbeddedServers(config.dataDir, (what) => {
    log.error(`${what}; stopping the platform, which cannot serve without it`);
    stop('embedded server exited', 1);
  });
  await shutdown.add('watching embedded servers', async () => unwatch());
  const banner = [
    '',
    '  Pivotal Flow is running',
    `    Admin UI & API   ${platform.url}`,
    `    Health           ${platform.url}/healthz   (readiness: /readyz)`,
    ...(config.metrics.served
      ? [`    Metrics          ${platform.url}/metrics${config.metrics.workerBindAddress ? `   worker: http://${config.metrics.workerBindAddress}/metrics` : ''}`]
      : []),
    `    Temporal         ${platform.temporalAddress}${platform.temporalUiUrl ? `   Web UI: ${platform.temporalUiUrl}` : ''}`,
    `    PostgreSQL       ${platform.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    ...(config.auth.devUsers
      ? [`    Log in as        ${ROLES.map((role) => `${role}@`).join(' · ')}pivotal.test  (password ${DEV_USER_PASSWORD})`]
      : []),
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(banner.join('\n') + '\n');
}

main().catch(async (err) => {
  if (err instanceof ShutdownStarted) return; // a signal came during start-up; stop() exits
  if (err instanceof InstanceConflict) log.error(err.message);
  else log.error({ err }, 'start failed');
  await shutdown.run();
  process.exit(1);
});
