// One table as CSV (RFC 4180: an analytics answer's, the invoices): nested figures become dotted columns
// (previous.hours), lists inside a row are left out (they have tables of their own). Text that
// a spreadsheet would run as a formula (=, +, -, @ first) is quoted with a leading apostrophe:
// end reasons are people's words.
type Cell = string | number | boolean | null | undefined;

function flatten(row: Record<string, unknown>, prefix = ''): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [key, value] of Object.entries(row)) {
    if (Array.isArray(value)) continue;
    if (value !== null && typeof value === 'object') Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value as Cell;
  }
  return out;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly object[]): string {
  const flat = rows.map((r) => flatten(r as Record<string, unknown>));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return [columns, ...flat.map((r) => columns.map((c) => r[c]))].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
