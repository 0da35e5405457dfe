// Invoice arithmetic, in integer minor units only. Pure, so activities, the API and the tests all
// compute the same figures. Every rounding is half up to the minor unit, and every split of an
// amount (a deposit over milestones) adds back up to exactly that amount.

export const LINE_KINDS = ['milestone', 'change-order', 'time', 'deposit-credit', 'late-fee'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** Work delivered is taxed; a credit for a prepayment and a late fee are not. */
const TAXABLE: ReadonlySet<LineKind> = new Set(['milestone', 'change-order', 'time']);

export type InvoiceLineInput = { kind: LineKind; description: string; amountMinor: number };

/** `amountMinor` × `bps` / 10 000, rounded half up (amounts are non-negative). */
export function basisPoints(amountMinor: number, bps: number): number {
  return Math.floor((amountMinor * bps + 5_000) / 10_000);
}

/** Minutes at an hourly rate, rounded half up to the minor unit. */
export function timeAmount(minutes: number, rateMinorPerHour: number): number {
  return Math.floor((minutes * rateMinorPerHour + 30) / 60);
}

/**
 * Splits `totalMinor` in proportion to `weights` (largest remainder): the parts sum to the total
 * exactly, and no part is off its exact share by a whole minor unit.
 */
export function allocate(totalMinor: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? totalMinor : 0));
  const exact = weights.map((w) => (totalMinor * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0, left = totalMinor - parts.reduce((a, b) => a + b, 0); k < left; k++) parts[order[k]!.i]!++;
  return parts;
}

export type InvoiceTotals = { subtotalMinor: number; taxMinor: number; creditsMinor: number; feesMinor: number; totalMinor: number };

/** Subtotal (taxable work), tax on it at `taxRateBps`, credits and fees, and the total due. */
export function invoiceTotals(lines: InvoiceLineInput[], taxRateBps: number): InvoiceTotals {
  const sum = (pick: (l: InvoiceLineInput) => boolean) => lines.filter(pick).reduce((a, l) => a + l.amountMinor, 0);
  const subtotalMinor = sum((l) => TAXABLE.has(l.kind));
  const taxMinor = basisPoints(subtotalMinor, taxRateBps);
  const creditsMinor = sum((l) => l.kind === 'deposit-credit');
  const feesMinor = sum((l) => l.kind === 'late-fee');
  return { subtotalMinor, taxMinor, creditsMinor, feesMinor, totalMinor: subtotalMinor + taxMinor + creditsMinor + feesMinor };
}

/** The late fee on what is still owed, per the terms (basis points of the outstanding amount). */
export function lateFee(outstandingMinor: number, lateFeeBps: number): number {
  return outstandingMinor > 0 ? basisPoints(outstandingMinor, lateFeeBps) : 0;
}

/**
 * What is still owed on an invoice: its total less what was paid and what credit notes took off
 * (refunds give back an overpayment, not the debt, so they do not add to it). Negative: paid
 * beyond the total, an overpayment for finance to refund.
 */
export function balanceDue(invoice: { totalMinor: number; paidMinor: number; creditedMinor?: number }): number {
  return invoice.totalMinor - invoice.paidMinor - (invoice.creditedMinor ?? 0);
}
