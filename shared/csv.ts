// CSV for spreadsheets and accountants (RFC 4180, CRLF). Text cells that a spreadsheet would read
// as a formula are defused; numbers are written as numbers.

/** Characters that make a spreadsheet read a cell, or a line of it, as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell a spreadsheet shows as text: a formula's first character at the start of the cell, or of any
 * line inside it (after a CR or LF, which spreadsheets also break rows on), gets an apostrophe before it.
 */
export function defuseFormula(value: string): string {
  let out = '';
  let lineStart = true;
  for (const c of value) {
    if (lineStart && FORMULA_START.has(c)) out += "'";
    out += c;
    lineStart = c === '\r' || c === '\n';
  }
  return out;
}

/** One CSV field: quoted when it holds a quote, the delimiter, CR or LF. */
export const csvField = (value: string | number): string => {
  if (typeof value === 'number') return String(value);
  const safe = defuseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvRows = (rows: readonly (readonly (string | number)[])[]): string =>
  `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
