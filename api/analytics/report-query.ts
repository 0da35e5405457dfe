// The reports sort and hash hundreds of thousands of rows. PostgreSQL's default work_mem (4 MB)
// sends those sorts to disk: at 100,000 journeys the cycle times' spans spilled 21 MB and took
// 625 ms where in memory they took 400 ms (bench/analytics.ts). Each report's statement gets the
// room it needs, in its own transaction, so the API's other statements keep the default.
import type { Db } from '../../platform/db';
import type { Prisma } from '../../prisma/generated/client';

const REPORT_WORK_MEM = '64MB';

export async function reportQuery<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$executeRawUnsafe(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`), db.$queryRaw<T[]>(query)]);
  return rows;
}
