// Prisma CLI configuration. Prisma's native engines cannot be downloaded on our build machines,
// so the schema engine runs as WebAssembly through the pg driver adapter (see README, "Prisma").
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL must be set for Prisma migrations');
    return new PrismaPg({ connectionString });
  },
});
