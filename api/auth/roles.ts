// Who is calling and what they may do. Roles are the company's functions plus manager (oversight
// of every queue) and admin (everything, including users and API tokens).
import type { Role } from '../../prisma/generated/client';
import { ROLES as CONTRACT_ROLES } from '../contract/records';

/** The one list (api/contract, which the admin UI imports too), checked against the database enum. */
export const ROLES = CONTRACT_ROLES satisfies readonly Role[];
export type { Role };

/** A logged-in person or an external system holding an API token. */
export type Principal = {
  kind: 'user' | 'token';
  id: string;
  name: string;
  roles: Role[];
};

/** True when the principal holds one of `roles`; admin holds them all. */
export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.includes('admin') || roles.some((r) => p.roles.includes(r));
}

/** Managers (and admins) oversee every queue. */
export function isManager(p: Principal): boolean {
  return hasRole(p, 'manager');
}

/**
 * Who may read each kind of record, wherever it shows: its own list route and a journey's detail
 * alike. One table, so the list and the detail cannot disagree about who sees the money.
 */
export const READERS = {
  /** Invoices with their lines, payments and refunds (GET /api/invoices). */
  invoices: ['finance', 'manager'],
  /** What payment and e-signature providers sent us (GET /api/external-events). */
  externalEvents: ['manager'],
  /** A contract's document (GET /api/contracts/:id/document): those who sell, approve and bill it. */
  contracts: ['sales', 'finance', 'manager'],
  /** Support tickets with their messages (GET /api/tickets): the support desk and its managers. */
  tickets: ['support', 'support_lead', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export function mayRead(p: Principal, records: keyof typeof READERS): boolean {
  return hasRole(p, ...READERS[records]);
}
