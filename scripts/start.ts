// `npm start`: the whole platform on embedded defaults. Ctrl-C stops everything cleanly.
import { spawnSync } from 'node:child_process';
import { ConfigError, DEV_USER_PASSWORD, loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startPlatform } from '../platform/platform';
import { runPrisma } from '../platform/prisma-cli';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  log.info('generating the Prisma client');
  await runPrisma(['generate']);
  // Built on every start (seconds), so the UI served always matches the code.
  log.info('building the admin UI');
  const built = spawnSync('npx', ['vite', 'build', '--config', 'admin-ui/vite.config.mts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('admin UI build failed');

  const platform = await startPlatform(config, log);
  const banner = [
    '',
    '  Pivotal Flow is running',
    `    Admin UI & API   ${platform.url}`,
    `    Health           ${platform.url}/healthz   (readiness: /readyz)`,
    `    Temporal         ${platform.temporalAddress}${platform.temporalUiUrl ? `   Web UI: ${platform.temporalUiUrl}` : ''}`,
    `    PostgreSQL       ${platform.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    ...(config.auth.devUsers
      ? [`    Log in as        sales@ · pm@ · finance@ · support@ · manager@ · admin@pivotal.test  (password ${DEV_USER_PASSWORD})`]
      : []),
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(banner.join('\n') + '\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await platform.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
