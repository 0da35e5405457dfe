// `npm run db:generate` / `npm run db:migrate`: the Prisma CLI on its offline path.
import { runPrisma } from '../platform/prisma-cli';

runPrisma(process.argv.slice(2))
  .then((out) => process.stdout.write(out))
  .catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
