// Test data: a valid contact-form submission with a unique email per call.
import { randomUUID } from 'node:crypto';

export function lead(overrides: Record<string, unknown> = {}) {
  return {
    companyName: 'Northwind Traders',
    contactName: 'Nancy Davolio',
    email: `nancy+${randomUUID()}@northwind.test`,
    phone: '+1 206 555 0100',
    projectType: 'Website Design',
    budgetRange: '$10K-$50K',
    timeline: '3-6 months',
    description: 'A new storefront with online ordering.',
    ...overrides,
  };
}

export const followUpQualified = { outcome: 'qualified', notes: 'Spoke for 20 minutes; keen to meet.' };

export const discoveryMeeting = {
  notes: 'Met the owner and the ops lead.',
  requirements: 'Online ordering, inventory sync',
  scope: 'Storefront, admin, integrations',
  budget: '$40K',
  timeline: 'Launch before Q3',
  decisionMakers: ['Nancy Davolio', 'Andrew Fuller'],
  competition: 'Two local agencies',
  urgency: 'high',
};

export const quoteDraft = {
  summary: 'Storefront with online ordering and inventory sync.',
  currency: 'USD',
  lineItems: [
    { description: 'Design', quantity: 1, unitPriceMinor: 450_000 },
    { description: 'Development (days)', quantity: 10, unitPriceMinor: 80_000 },
  ],
  depositPercent: 30,
  validDays: 14,
};
export const approveReview = { decision: 'approve', notes: 'Looks right.', estimatedHours: 120, marginPercent: 35 };

/** A quote of three milestones whose figures round: 3,333.33, 7 × 1,000.01 and 1,666.67 (GBP). */
export const threeMilestoneDraft = {
  ...quoteDraft,
  currency: 'GBP',
  lineItems: [
    { description: 'Design', quantity: 1, unitPriceMinor: 333_333 },
    { description: 'Build (days)', quantity: 7, unitPriceMinor: 100_001 },
    { description: 'Launch', quantity: 1, unitPriceMinor: 166_667 },
  ],
};
