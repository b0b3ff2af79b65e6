// What people type (decimals in major units, quantities, percentages) to the integers the API takes,
// and back, by string arithmetic: no float ever holds an amount. The preview mirrors the API's
// rounding (half away from zero) so the totals shown while typing match the saved invoice; the
// server's answer is still the one that counts.
import { BASIS_POINTS, CURRENCY_EXPONENTS, type Currency, QUANTITY_SCALE } from '../../../../shared/features/invoices/constants.ts';

/** A non-negative decimal with at most `digits` decimals, as an integer of 10^-digits units; null when it is not one. */
export function parseScaled(text: string, digits: number): number | null {
  const t = text.trim().replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (!m[1] && !m[2]) || (m[2] ?? '').length > digits) return null;
  const value = BigInt(`${m[1] || '0'}${(m[2] ?? '').padEnd(digits, '0')}`);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}

/** An integer of 10^-digits units as a plain decimal ("1500", 3 → "1.5"). */
export function showScaled(value: number, digits: number): string {
  if (digits === 0) return String(value);
  const s = String(Math.abs(value)).padStart(digits + 1, '0');
  const decimals = s.slice(-digits).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${s.slice(0, -digits)}${decimals ? `.${decimals}` : ''}`;
}

export const exponent = (currency: Currency) => CURRENCY_EXPONENTS[currency];
export const parseMoney = (text: string, currency: Currency) => parseScaled(text, exponent(currency));
/** Minor units as the editor shows them: "10.50" in pounds, "1050" in yen. */
export function showMoney(minor: number, currency: Currency): string {
  const digits = exponent(currency);
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
/** Thousandths: "1.5" → 1500. */
export const parseQuantity = (text: string) => parseScaled(text, Math.log10(QUANTITY_SCALE));
export const showQuantity = (q: number) => showScaled(q, Math.log10(QUANTITY_SCALE));
/** Basis points: "20" → 2000, "12.5" → 1250 (at most 100 %). */
export function parsePercent(text: string): number | null {
  const bp = parseScaled(text, 2);
  return bp === null || bp > BASIS_POINTS ? null : bp;
}
export const showPercent = (bp: number) => `${showScaled(bp, 2)} %`;

export type Share = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; minor: number };
export interface PreviewLine {
  quantity: number;
  unitPrice: number;
  taxRate: number;
  discount?: Share | undefined;
}

const divRound = (n: bigint, d: bigint) => {
  const q = n / d;
  const r = n % d;
  return 2n * (r < 0n ? -r : r) >= d ? (n < 0n ? q - 1n : q + 1n) : q;
};
const shareOf = (base: bigint, s: Share) =>
  s.kind === 'percent' ? divRound(base * BigInt(s.basisPoints), BigInt(BASIS_POINTS)) : BigInt(s.minor) < base ? BigInt(s.minor) : base;

/** Subtotal, discounts, tax by rate and total, as the API works them out (its discount share is by largest remainder). */
export function previewTotals(lines: PreviewLine[], discount?: Share) {
  const first = lines.map((l) => {
    const subtotal = divRound(BigInt(l.quantity) * BigInt(l.unitPrice), BigInt(QUANTITY_SCALE));
    return { l, subtotal, after: subtotal - (l.discount ? shareOf(subtotal, l.discount) : 0n) };
  });
  const base = first.reduce((s, f) => s + f.after, 0n);
  const invoiceDiscount = discount ? shareOf(base, discount) : 0n;
  const shares = allocate(
    invoiceDiscount,
    first.map((f) => f.after),
  );
  const byRate = new Map<number, { net: bigint; tax: bigint }>();
  let subtotal = 0n;
  let net = 0n;
  let tax = 0n;
  first.forEach((f, i) => {
    const lineNet = f.after - (shares[i] ?? 0n);
    const lineTax = divRound(lineNet * BigInt(f.l.taxRate), BigInt(BASIS_POINTS));
    subtotal += f.subtotal;
    net += lineNet;
    tax += lineTax;
    const row = byRate.get(f.l.taxRate) ?? { net: 0n, tax: 0n };
    row.net += lineNet;
    row.tax += lineTax;
    byRate.set(f.l.taxRate, row);
  });
  return {
    subtotal: Number(subtotal),
    discount: Number(subtotal - net),
    net: Number(net),
    taxByRate: [...byRate.entries()].sort(([a], [b]) => a - b).map(([taxRate, r]) => ({ taxRate, net: Number(r.net), tax: Number(r.tax) })),
    tax: Number(tax),
    total: Number(net + tax),
  };
}

function allocate(amount: bigint, weights: bigint[]): bigint[] {
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) return weights.map(() => 0n);
  const exact = weights.map((w, index) => ({ index, part: (amount * w) / total, rest: (amount * w) % total }));
  let left = amount - exact.reduce((s, e) => s + e.part, 0n);
  for (const e of [...exact].sort((x, y) => (x.rest === y.rest ? x.index - y.index : x.rest > y.rest ? -1 : 1))) {
    if (left === 0n) break;
    e.part += 1n;
    left -= 1n;
  }
  return exact.map((e) => e.part);
}

/** A deposit's share of a fee total: a percentage rounded half away from zero, an amount capped at the total. */
export const portionAmount = (total: number, p: Share) => Number(shareOf(BigInt(total), p));
