// The documented development users (README, "Development users"): one per role, all with the
// same known password. Created on start outside production; production refuses them (config).
import { DEV_USER_PASSWORD } from '../../platform/config';
import type { Db } from '../../platform/db';
import { hashPassword } from './credentials';
import { ROLES, type Role } from './roles';

const NAMES: Record<Role, string> = {
  sales: 'Sam Sales',
  pm: 'Priya PM',
  finance: 'Finn Finance',
  support: 'Sue Support',
  support_lead: 'Lee Lead',
  success: 'Cass Success',
  manager: 'Maya Manager',
  admin: 'Ada Admin',
};

export const devUserEmail = (role: Role) => `${role}@pivotal.test`;

/** Creates any development user that does not exist yet; never touches existing ones. */
export async function ensureDevUsers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEV_USER_PASSWORD);
  await db.user.createMany({
    data: ROLES.map((role) => ({ email: devUserEmail(role), name: NAMES[role], roles: [role], passwordHash })),
    skipDuplicates: true,
  });
}
