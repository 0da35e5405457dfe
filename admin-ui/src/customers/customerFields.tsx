export const CUSTOMER_STATUSES = ['LEAD', 'PROSPECT', 'CLIENT', 'LOST'] as const;
