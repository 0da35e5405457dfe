import { usePermissions } from 'react-admin';
import { KNOWLEDGE_EDITORS, type Role } from '../types';

/** Admins pass every role check, as in the API. */
const hasRole = (roles: readonly Role[] | undefined, role: Role) => !!roles && (roles.includes(role) || roles.includes('admin'));

/** Managers see every queue, reassign tasks and cancel journeys. */
export function useIsManager(): boolean {
  const { permissions } = usePermissions<Role[]>();
  return hasRole(permissions, 'manager');
}

/** Invoices are for finance and managers (GET /api/invoices answers 403 to everyone else; journey pages leave them out). */
export const mayReadInvoices = (roles: readonly Role[] | undefined) => hasRole(roles, 'finance') || hasRole(roles, 'manager');

/** The PM's work on a running delivery (change requests, time on milestones): PMs and managers, as the API allows. */
export const mayRunDelivery = (roles: readonly Role[] | undefined) => hasRole(roles, 'pm') || hasRole(roles, 'manager');

/** Analytics (GET /api/analytics/*) are for managers. */
export const mayReadAnalytics = (roles: readonly Role[] | undefined) => hasRole(roles, 'manager');

/** Support, the support lead and managers write knowledge-base articles; everyone reads them. */
export const mayEditKnowledge = (roles: readonly Role[] | undefined) => KNOWLEDGE_EDITORS.some((role) => hasRole(roles, role));

export function useMayEditKnowledge(): boolean {
  const { permissions } = usePermissions<Role[]>();
  return mayEditKnowledge(permissions);
}
