// An invoice's amounts, from its lines to what is still due. Pure: no I/O. Every amount is an integer
// in the currency's minor units (constants.ts CURRENCY_EXPONENTS); products and sums are taken in
// BigInt, so no float ever holds money and nothing is lost above 2^53 before the overflow check.
//
// The rules, as the PDF prints them (rounding per line as written, so each line's figures add up on
// paper and the totals are the sums of the lines):
// - Rounding is half away from zero (0.5 → 1), the commercial rounding tax authorities expect;
//   banker's rounding would surprise a client checking a line by hand. Every rounding below is it.
// - A line: subtotal = round(quantity × unitPrice), quantity in thousandths of a unit; its own
//   discount (a percentage of the subtotal, rounded, or an amount) capped at the subtotal.
// - The invoice's discount (a percentage of the lines' net after their discounts, rounded once, or an
//   amount capped at that net) is shared among the lines in proportion to that net, by largest
//   remainder, so the shares sum exactly to it; it comes off before tax.
// - Tax per line = round(line net × taxRate), taxRate in basis points; line total = net + tax.
// - Deductions (deposits, payments received) come off the total in order, each capped at what is left,
//   so the amount due is never negative; the capped part is reported.
import { DomainError } from '../../../errors.ts';
import {
  BASIS_POINTS,
  MAX_DEDUCTIONS,
  MAX_LINE_ITEMS,
  MAX_QUANTITY,
  MAX_SCHEDULE_PARTS,
  MAX_UNIT_PRICE,
  QUANTITY_SCALE,
} from '../constants.ts';

// The site formats with the same function, from the zod-free constants module.
export { formatMoney } from '../constants.ts';

export type AmountErrorCode =
  | 'invalid_quantity'
  | 'invalid_unit_price'
  | 'invalid_tax_rate'
  | 'invalid_discount'
  | 'too_many_lines'
  | 'invalid_deduction'
  | 'too_many_deductions'
  | 'invalid_total'
  | 'invalid_deposit'
  | 'deposit_exceeds_total'
  | 'invalid_schedule'
  | 'schedule_over_allocated'
  | 'amount_too_large';

/** Amounts that make no sense: a domain `invalid` error (400 at the API), naming the field. */
export class AmountError extends DomainError {
  declare readonly code: AmountErrorCode;
  constructor(code: AmountErrorCode, message: string, field?: string) {
    super('invalid', code, message, field ? { fields: { [field]: [message] } } : {});
    this.name = 'AmountError';
  }
}

/** A share of an amount: a percentage in basis points (2500 = 25 %) or an amount in minor units. */
export type Portion = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; minor: number };
export type Discount = Portion;

export interface LineInput {
  description: string;
  /** Thousandths of a unit: 1500 = 1.5 (hours, days, prints). */
  quantity: number;
  /** Minor units per unit, ≥ 0. */
  unitPrice: number;
  /** Basis points, 0..10000: 2000 = 20 %. */
  taxRate: number;
  discount?: Discount;
}

export interface LineAmounts {
  description: string;
  quantity: number;
  unitPrice: number;
  taxRate: number;
  /** round(quantity × unitPrice). */
  subtotal: number;
  /** The line's own discount, capped at its subtotal. */
  lineDiscount: number;
  /** This line's share of the invoice's discount. */
  invoiceDiscount: number;
  /** lineDiscount + invoiceDiscount. */
  discount: number;
  /** subtotal − discount: what the tax is on. */
  net: number;
  tax: number;
  /** net + tax. */
  total: number;
}

/** One row of the PDF's tax summary: the lines taxed at one rate. */
export interface TaxSummaryRow {
  taxRate: number;
  net: number;
  tax: number;
}

export interface InvoiceTotals {
  subtotal: number;
  lineDiscount: number;
  invoiceDiscount: number;
  /** lineDiscount + invoiceDiscount. */
  discount: number;
  /** subtotal − discount. */
  net: number;
  tax: number;
  /** By rate, lowest first; sums to `tax` and `net`. */
  taxByRate: TaxSummaryRow[];
  /** net + tax, the sum of the lines' totals. */
  total: number;
}

export interface Deduction {
  label: string;
  /** Minor units, > 0. */
  amount: number;
}

export interface AppliedDeduction extends Deduction {
  /** What came off the total: the PDF shows it as a negative line after the total. */
  applied: number;
  /** amount − applied: the part beyond what was left to pay. */
  capped: number;
}

export interface DeductionResult {
  deductions: AppliedDeduction[];
  /** The sum of `applied`. */
  deducted: number;
  /** The sum of `capped`: more was received than the invoice asks (a credit to settle). */
  capped: number;
  /** max(0, total − Σ amounts). */
  amountDue: number;
}

export interface InvoiceAmounts extends DeductionResult {
  lines: LineAmounts[];
  totals: InvoiceTotals;
}

export interface InvoiceInput {
  lines: readonly LineInput[];
  discount?: Discount;
  deductions?: readonly Deduction[];
}

const SCALE = BigInt(QUANTITY_SCALE);
const BP = BigInt(BASIS_POINTS);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** n / d rounded half away from zero (d > 0). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

function toSafe(value: bigint, field: string): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) throw new AmountError('amount_too_large', 'The amount is too large.', field);
  return Number(value);
}

function checkInt(value: number, min: number, max: number, code: AmountErrorCode, field: string, message: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new AmountError(code, message, field);
}

function checkPortion(p: Portion, code: AmountErrorCode, field: string, minimum: 0 | 1): void {
  if (p.kind === 'percent') {
    checkInt(p.basisPoints, minimum, BASIS_POINTS, code, field, `A percentage is ${minimum} to 10000 basis points (100 %).`);
  } else if (p.kind === 'amount') {
    checkInt(p.minor, minimum, Number.MAX_SAFE_INTEGER, code, field, `An amount is a whole number of minor units, at least ${minimum}.`);
  } else {
    throw new AmountError(code, 'A share is a percentage or an amount.', field);
  }
}

/** round(quantity × unitPrice), quantity in thousandths. */
export function lineSubtotal(quantity: number, unitPrice: number): number {
  return toSafe(divRound(BigInt(quantity) * BigInt(unitPrice), SCALE), 'unitPrice');
}

/** `portion` of `base` (≥ 0): a percentage rounded half away from zero, an amount capped at the base. */
function portionOf(base: bigint, p: Portion): bigint {
  if (p.kind === 'percent') return divRound(base * BigInt(p.basisPoints), BP);
  const minor = BigInt(p.minor);
  return minor < base ? minor : base;
}

/**
 * `amount` shared in proportion to `weights` (all ≥ 0, amount ≤ their sum) by largest remainder:
 * each part is the floor of its exact share, and the units left over go one each to the largest
 * fractional remainders (the earlier line on a tie), so the parts sum exactly to `amount` and no part
 * exceeds its weight.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (total === 0n) return weights.map(() => 0);
  const a = BigInt(amount);
  const exact = weights.map((w, index) => ({ index, part: (a * BigInt(w)) / total, rest: (a * BigInt(w)) % total }));
  let left = a - exact.reduce((s, e) => s + e.part, 0n);
  const byRest = [...exact].sort((x, y) => (x.rest === y.rest ? x.index - y.index : x.rest > y.rest ? -1 : 1));
  for (const e of byRest) {
    if (left === 0n) break;
    e.part += 1n;
    left -= 1n;
  }
  return exact.map((e) => Number(e.part));
}

/** Every line's amounts, the invoice's totals, and what is due after the deductions. */
export function invoiceAmounts(input: InvoiceInput): InvoiceAmounts {
  const { lines } = input;
  if (lines.length > MAX_LINE_ITEMS) throw new AmountError('too_many_lines', `An invoice has at most ${MAX_LINE_ITEMS} lines.`, 'lines');
  const firstPass = lines.map((line, i) => {
    const at = `lines.${i}`;
    checkInt(line.quantity, 1, MAX_QUANTITY, 'invalid_quantity', `${at}.quantity`, 'A quantity is a positive number of thousandths.');
    checkInt(
      line.unitPrice,
      0,
      MAX_UNIT_PRICE,
      'invalid_unit_price',
      `${at}.unitPrice`,
      'A unit price is a whole, non-negative number of minor units.',
    );
    checkInt(line.taxRate, 0, BASIS_POINTS, 'invalid_tax_rate', `${at}.taxRate`, 'A tax rate is 0 to 10000 basis points (100 %).');
    if (line.discount) checkPortion(line.discount, 'invalid_discount', `${at}.discount`, 0);
    const subtotal = divRound(BigInt(line.quantity) * BigInt(line.unitPrice), SCALE);
    toSafe(subtotal, `${at}.unitPrice`);
    const lineDiscount = line.discount ? portionOf(subtotal, line.discount) : 0n;
    return { line, subtotal, lineDiscount, afterLineDiscount: subtotal - lineDiscount };
  });
  if (input.discount) checkPortion(input.discount, 'invalid_discount', 'discount', 0);

  const base = firstPass.reduce((s, l) => s + l.afterLineDiscount, 0n);
  const invoiceDiscount = input.discount ? portionOf(base, input.discount) : 0n;
  const shares = allocate(
    toSafe(invoiceDiscount, 'discount'),
    firstPass.map((l) => toSafe(l.afterLineDiscount, 'lines')),
  );

  let subtotal = 0n;
  let lineDiscountSum = 0n;
  let net = 0n;
  let tax = 0n;
  const byRate = new Map<number, { net: bigint; tax: bigint }>();
  const result: LineAmounts[] = firstPass.map((l, i) => {
    const share = BigInt(shares[i]!);
    const lineNet = l.afterLineDiscount - share;
    const lineTax = divRound(lineNet * BigInt(l.line.taxRate), BP);
    subtotal += l.subtotal;
    lineDiscountSum += l.lineDiscount;
    net += lineNet;
    tax += lineTax;
    const row = byRate.get(l.line.taxRate) ?? { net: 0n, tax: 0n };
    row.net += lineNet;
    row.tax += lineTax;
    byRate.set(l.line.taxRate, row);
    const at = `lines.${i}`;
    return {
      description: l.line.description,
      quantity: l.line.quantity,
      unitPrice: l.line.unitPrice,
      taxRate: l.line.taxRate,
      subtotal: toSafe(l.subtotal, at),
      lineDiscount: toSafe(l.lineDiscount, at),
      invoiceDiscount: Number(share),
      discount: toSafe(l.lineDiscount + share, at),
      net: toSafe(lineNet, at),
      tax: toSafe(lineTax, at),
      total: toSafe(lineNet + lineTax, at),
    };
  });

  const totals: InvoiceTotals = {
    subtotal: toSafe(subtotal, 'lines'),
    lineDiscount: toSafe(lineDiscountSum, 'lines'),
    invoiceDiscount: toSafe(invoiceDiscount, 'discount'),
    discount: toSafe(lineDiscountSum + invoiceDiscount, 'lines'),
    net: toSafe(net, 'lines'),
    tax: toSafe(tax, 'lines'),
    taxByRate: [...byRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([taxRate, row]) => ({ taxRate, net: toSafe(row.net, 'lines'), tax: toSafe(row.tax, 'lines') })),
    total: toSafe(net + tax, 'lines'),
  };
  return { lines: result, totals, ...applyDeductions(totals.total, input.deductions ?? []) };
}

function checkTotal(total: number): void {
  checkInt(total, 0, Number.MAX_SAFE_INTEGER, 'invalid_total', 'total', 'A total is a whole, non-negative number of minor units.');
}

/**
 * Deposits and payments already received taken off `total`, in order, each capped at what is left:
 * the amount due is max(0, total − Σ amounts), and what went beyond it is reported as `capped`.
 */
export function applyDeductions(total: number, deductions: readonly Deduction[]): DeductionResult {
  checkTotal(total);
  if (deductions.length > MAX_DEDUCTIONS) {
    throw new AmountError('too_many_deductions', `An invoice has at most ${MAX_DEDUCTIONS} deductions.`, 'deductions');
  }
  let left = total;
  let capped = 0n;
  const applied = deductions.map((d, i) => {
    checkInt(d.amount, 1, Number.MAX_SAFE_INTEGER, 'invalid_deduction', `deductions.${i}.amount`, 'A deduction is a positive amount.');
    const taken = Math.min(d.amount, left);
    left -= taken;
    capped += BigInt(d.amount - taken);
    return { label: d.label, amount: d.amount, applied: taken, capped: d.amount - taken };
  });
  return { deductions: applied, deducted: total - left, capped: toSafe(capped, 'deductions'), amountDue: left };
}

/**
 * A deposit of `total`: a percentage (1..10000 basis points) rounded half away from zero, or an
 * amount, which may not exceed the total.
 */
export function depositAmount(total: number, deposit: Portion): number {
  checkTotal(total);
  checkPortion(deposit, 'invalid_deposit', 'deposit', 1);
  if (deposit.kind === 'amount' && deposit.minor > total) {
    throw new AmountError('deposit_exceeds_total', 'The deposit is more than the total.', 'deposit');
  }
  return Number(portionOf(BigInt(total), deposit));
}

/**
 * `total` split into payment parts that sum exactly to it. A schedule whose parts ask for more than the
 * total (taken exactly, before any rounding) is refused. Parts are rounded cumulatively (each is the
 * rounded running sum minus the one before), so amount parts stay exact, percentages differ from their
 * own rounding by at most one minor unit, and no part is negative; the last part is the balance: it
 * takes whatever the others leave, rounding included (30 %, 30 %, 30 % of 1000 gives 300, 300, 400).
 */
export function schedule(total: number, parts: readonly Portion[]): number[] {
  checkTotal(total);
  if (parts.length < 1 || parts.length > MAX_SCHEDULE_PARTS) {
    throw new AmountError('invalid_schedule', `A schedule has 1 to ${MAX_SCHEDULE_PARTS} parts.`, 'parts');
  }
  parts.forEach((p, i) => {
    checkPortion(p, 'invalid_schedule', `parts.${i}`, 1);
  });
  // Each part in ten-thousandths of a minor unit, so percentages are exact.
  const t = BigInt(total);
  const nominal = parts.map((p) => (p.kind === 'percent' ? t * BigInt(p.basisPoints) : BigInt(p.minor) * BP));
  if (nominal.reduce((s, n) => s + n, 0n) > t * BP) {
    throw new AmountError('schedule_over_allocated', 'The parts of the schedule add up to more than the total.', 'parts');
  }
  const amounts: number[] = [];
  let running = 0n;
  let before = 0n;
  for (const n of nominal.slice(0, -1)) {
    running += n;
    const rounded = divRound(running, BP);
    amounts.push(Number(rounded - before));
    before = rounded;
  }
  amounts.push(Number(t - before));
  return amounts;
}
