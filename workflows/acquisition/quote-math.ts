// Quote arithmetic, in integer minor units only (no floats touch money). Pure, so the workflow,
// the activities and the tests all compute the same figures.
export type LineItemInput = { description: string; quantity: number; unitPriceMinor: number };

export function quoteTotals(lineItems: LineItemInput[], depositPercent: number) {
  const lines = lineItems.map((l, i) => ({ ...l, position: i + 1, totalMinor: l.quantity * l.unitPriceMinor }));
  const subtotalMinor = lines.reduce((sum, l) => sum + l.totalMinor, 0);
  const totalMinor = subtotalMinor; // tax by the customer's location comes with billing
  // Rounded half up to the minor unit; the rest of the schedule takes the remainder.
  const depositMinor = Math.floor((totalMinor * depositPercent + 50) / 100);
  return { lines, subtotalMinor, taxMinor: 0, totalMinor, depositMinor };
}

