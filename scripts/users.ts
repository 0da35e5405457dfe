// `npm run users -- <command>`: the first admin and API tokens on an installation without the
// development users (production). Uses DATABASE_URL and AUTH_SECRET like the API does.
//   npm run users -- add <email> "<name>" <role,role…>     (password from USER_PASSWORD, 12+ characters, at most 72 bytes)
//   npm run users -- token <name> <role,role…>             (prints the token once)
import { z } from 'zod';
import { hashPassword, hashToken, newPassword, newToken } from '../api/auth/credentials';
import { ROLES } from '../api/auth/roles';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';

const roles = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(z.enum(ROLES)).min(1));

async function main() {
  const config = loadConfig();
  if (!config.database.url) throw new Error('Set DATABASE_URL to the database to change');
  const db = createDb(config.database.url);
  const [command, ...args] = process.argv.slice(2);
  try {
    if (command === 'add') {
      const [email, name, roleList] = z.tuple([z.email(), z.string().min(1), roles]).parse(args);
      const password = z.object({ USER_PASSWORD: newPassword }).parse({ USER_PASSWORD: process.env.USER_PASSWORD ?? '' }).USER_PASSWORD;
      const user = await db.user.create({ data: { email: email.toLowerCase(), name, roles: roleList, passwordHash: await hashPassword(password) } });
      console.log(`Created ${user.email} (${user.roles.join(', ')}), id ${user.id}`);
    } else if (command === 'token') {
      const [name, roleList] = z.tuple([z.string().min(1), roles]).parse(args);
      const token = newToken('api');
      await db.apiToken.create({ data: { name, roles: roleList, tokenHash: hashToken(config.auth.secret, token) } });
      console.log(`API token "${name}" (${roleList.join(', ')}) — shown once, store it now:\n${token}`);
    } else {
      throw new Error('usage: npm run users -- add <email> "<name>" <roles> | token <name> <roles>');
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : err);
  process.exit(1);
});
