// `npm run db:new-migration -- <name>`: authors prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the schema snapshot kept with the newest migration and
// prisma/schema.prisma. (`prisma migrate dev` needs a native engine and a shadow database, neither
// of which is available on the offline Prisma path; a schema-to-schema diff needs neither.)
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { createLogger } from '../platform/logger';
import { runPrisma } from '../platform/prisma-cli';

const root = path.resolve(__dirname, '..');
const schema = path.join(root, 'prisma', 'schema.prisma');
const migrationsDir = path.join(root, 'prisma', 'migrations');

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('usage: npm run db:new-migration -- <snake_case_name>');
  }
  const previous = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1)
    : undefined;
  const from = previous
    ? ['--from-schema-datamodel', path.join(migrationsDir, previous, 'schema.prisma')]
    : ['--from-empty'];
  // The WebAssembly schema engine needs a live connection even for a schema-to-schema diff.
  const scratch = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pf-migration-')),
        port: 5400 + Math.floor(Math.random() * 500),
        database: 'scratch',
        persistent: false,
        log: createLogger('warn'),
      });
  let sql: string;
  try {
    sql = await runPrisma(['migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'], {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? scratch!.url,
    });
  } finally {
    await scratch?.stop();
  }
  const body = sql.replace(/^Loaded Prisma config.*\n+/m, '').replace(/^Prisma config detected.*\n+/m, '');
  if (!/\S/.test(body.replace(/^--.*$/gm, ''))) {
    console.log('Schema unchanged since the last migration; nothing to write.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), body);
  fs.copyFileSync(schema, path.join(dir, 'schema.prisma'));
  if (!fs.existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
    fs.writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  }
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
