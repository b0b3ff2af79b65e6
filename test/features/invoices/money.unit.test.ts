import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_ITEMS, MAX_QUANTITY, MAX_UNIT_PRICE } from '../../../shared/features/invoices/constants.ts';
import {
  AmountError,
  allocate,
  applyDeductions,
  type Deduction,
  depositAmount,
  formatMoney,
  type InvoiceInput,
  invoiceAmounts,
  type LineInput,
  lineSubtotal,
  type Portion,
  schedule,
} from '../../../shared/features/invoices/domain/money.ts';

const line = (quantity: number, unitPrice: number, taxRate = 0, discount?: Portion): LineInput => ({
  description: 'Line',
  quantity,
  unitPrice,
  taxRate,
  discount,
});
const pct = (basisPoints: number): Portion => ({ kind: 'percent', basisPoints });
const amt = (minor: number): Portion => ({ kind: 'amount', minor });

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AmountError);
    expect((e as AmountError).kind).toBe('invalid');
    return (e as AmountError).code;
  }
  return 'no error';
}

// An oracle written differently from the code under test: half away from zero for n ≥ 0 is
// floor((2n + d) / 2d).
const roundHalfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

describe('rounding per line, half away from zero', () => {
  it.each([
    // quantity (thousandths), unit price, subtotal, why
    [1000, 999, 999, 'one unit is the price'],
    [1500, 333, 500, '499.5 rounds up'],
    [2500, 1, 3, '2.5 rounds up (banker’s would give 2)'],
    [3500, 1, 4, '3.5 rounds up'],
    [1, 499, 0, '0.499 rounds down'],
    [1, 500, 1, '0.5 rounds up'],
    [333, 3, 1, '0.999 rounds up'],
    [250, 0, 0, 'a free line'],
    [MAX_QUANTITY, 9_000_000, 9_000_000_000_000, 'the largest quantity stays exact'],
  ])('%i thousandths × %i = %i (%s)', (quantity, unitPrice, subtotal) => {
    expect(lineSubtotal(quantity, unitPrice)).toBe(subtotal);
    expect(invoiceAmounts({ lines: [line(quantity, unitPrice)] }).lines[0]!.subtotal).toBe(subtotal);
  });

  it.each([
    // subtotal (as 1 unit), discount, line discount, net
    [10_000, pct(1000), 1000, 9000],
    [10, pct(1500), 2, 8], // 1.5 rounds up
    [1, pct(3333), 0, 1],
    [300, amt(500), 300, 0], // capped at the subtotal, never negative
    [300, amt(120), 120, 180],
    [300, pct(10_000), 300, 0],
  ])('a line of %i less %o: discount %i, net %i', (unitPrice, discount, lineDiscount, net) => {
    const [l] = invoiceAmounts({ lines: [line(1000, unitPrice, 0, discount)] }).lines;
    expect([l!.lineDiscount, l!.net]).toEqual([lineDiscount, net]);
  });

  it.each([
    // net, tax rate (bp), tax
    [999, 2000, 200], // 199.8
    [1250, 500, 63], // 62.5 rounds up
    [1249, 500, 62], // 62.45
    [10_000, 0, 0],
    [10_000, 10_000, 10_000],
    [333, 1000, 33], // 33.3
  ])('tax on %i at %i bp is %i', (net, taxRate, tax) => {
    const { lines, totals } = invoiceAmounts({ lines: [line(1000, net, taxRate)] });
    expect(lines[0]!.tax).toBe(tax);
    expect(totals.total).toBe(net + tax);
  });

  it('rounds tax per line, not on the sum: three lines of 333 at 10 % are 3 × 33, not 100', () => {
    const { totals } = invoiceAmounts({ lines: [line(1000, 333, 1000), line(1000, 333, 1000), line(1000, 333, 1000)] });
    expect(totals).toMatchObject({ net: 999, tax: 99, total: 1098 });
  });
});

describe('an invoice', () => {
  // 10 h of design at £85 (20 % VAT); 3 prints at £19.99 less 10 % (zero-rated); £10 off the invoice.
  const input: InvoiceInput = {
    lines: [line(10_000, 8500, 2000), line(3000, 1999, 0, pct(1000))],
    discount: amt(1000),
    deductions: [{ label: 'Deposit paid 3 March', amount: 30_000 }],
  };

  it('shares the invoice discount by net, largest remainder first, before tax', () => {
    const { lines, totals } = invoiceAmounts(input);
    // Base 85000 + 5397 = 90397; exact shares 940.29 and 59.70: the spare unit goes to the second.
    expect(lines.map((l) => [l.subtotal, l.lineDiscount, l.invoiceDiscount, l.net, l.tax, l.total])).toEqual([
      [85_000, 0, 940, 84_060, 16_812, 100_872],
      [5997, 600, 60, 5337, 0, 5337],
    ]);
    expect(totals).toEqual({
      subtotal: 90_997,
      lineDiscount: 600,
      invoiceDiscount: 1000,
      discount: 1600,
      net: 89_397,
      tax: 16_812,
      taxByRate: [
        { taxRate: 0, net: 5337, tax: 0 },
        { taxRate: 2000, net: 84_060, tax: 16_812 },
      ],
      total: 106_209,
    });
  });

  it('takes the deposit off the total as a line after it', () => {
    const { deductions, deducted, amountDue } = invoiceAmounts(input);
    expect(deductions).toEqual([{ label: 'Deposit paid 3 March', amount: 30_000, applied: 30_000, capped: 0 }]);
    expect([deducted, amountDue]).toEqual([30_000, 76_209]);
  });

  it('a percentage off the invoice is rounded once, then shared', () => {
    // 12.5 % of 1003 = 125.375 → 125, shared 1:2 by net (41.67 / 83.33 → 42 / 83).
    const { lines, totals } = invoiceAmounts({ lines: [line(1000, 334), line(1000, 669)], discount: pct(1250) });
    expect(lines.map((l) => l.invoiceDiscount)).toEqual([42, 83]);
    expect(totals.net).toBe(878);
  });

  it('caps an invoice discount at the net, and an empty invoice is zero', () => {
    expect(invoiceAmounts({ lines: [line(1000, 500, 2000)], discount: amt(9999) }).totals).toMatchObject({ discount: 500, total: 0 });
    expect(invoiceAmounts({ lines: [], discount: pct(5000) }).totals).toMatchObject({ subtotal: 0, total: 0, taxByRate: [] });
  });

  it('in yen there are no minor units to round to', () => {
    // 1.5 × ¥1,000 at 10 %; 1 × ¥1,333 at 8 % (106.64 → 107).
    const { lines, totals } = invoiceAmounts({ lines: [line(1500, 1000, 1000), line(1000, 1333, 800)] });
    expect(lines.map((l) => l.total)).toEqual([1650, 1440]);
    expect(formatMoney(totals.total, 'JPY')).toBe('JP¥3,090');
    expect(formatMoney(totals.total, 'KRW')).toBe('₩3,090');
  });
});

describe('deductions', () => {
  it.each([
    // total, deductions, applied, capped, due
    [100_000, [30_000], [30_000], 0, 70_000],
    [100_000, [60_000, 50_000], [60_000, 40_000], 10_000, 0],
    [100_000, [100_000, 1], [100_000, 0], 1, 0],
    [0, [500], [0], 500, 0],
    [100_000, [], [], 0, 100_000],
  ])('%i less %o', (total, amounts, applied, capped, amountDue) => {
    const r = applyDeductions(
      total,
      amounts.map((amount, i) => ({ label: `Payment ${i + 1}`, amount })),
    );
    expect(r.deductions.map((d) => d.applied)).toEqual(applied);
    expect([r.capped, r.amountDue]).toEqual([capped, amountDue]);
  });
});

describe('deposits and schedules', () => {
  it.each([
    [10_001, pct(2500), 2500], // 2500.25
    [1, pct(5000), 1], // 0.5 rounds up
    [10_000, pct(10_000), 10_000],
    [4000, amt(1500), 1500],
    [4000, amt(4000), 4000],
  ])('a deposit of %i at %o is %i', (total, deposit, expected) => {
    expect(depositAmount(total, deposit)).toBe(expected);
  });

  it('refuses a deposit above the total, or of nothing', () => {
    expect(codeOf(() => depositAmount(4000, amt(4001)))).toBe('deposit_exceeds_total');
    expect(codeOf(() => depositAmount(4000, pct(0)))).toBe('invalid_deposit');
    expect(codeOf(() => depositAmount(4000, pct(10_001)))).toBe('invalid_deposit');
  });

  it.each([
    [1000, [pct(3000), pct(3000), pct(4000)], [300, 300, 400]],
    [100, [pct(3333), pct(3333), pct(3334)], [33, 34, 33]], // running 33.33 → 33, 66.66 → 67
    [1001, [amt(250), pct(5000), pct(2500)], [250, 501, 250]], // running 750.5 → 751; the rest last
    [1000, [pct(3000), pct(3000)], [300, 700]], // the last part is the balance
    [0, [pct(5000), pct(5000)], [0, 0]],
    [999, [amt(999)], [999]],
  ])('%i split as %o is %o', (total, parts, expected) => {
    expect(schedule(total, parts)).toEqual(expected);
  });

  it('refuses a schedule that asks for more than the total', () => {
    expect(codeOf(() => schedule(1000, [pct(6000), pct(5000)]))).toBe('schedule_over_allocated');
    expect(codeOf(() => schedule(1000, [amt(1001)]))).toBe('schedule_over_allocated');
    expect(codeOf(() => schedule(1000, [amt(500), pct(5001)]))).toBe('schedule_over_allocated');
    expect(codeOf(() => schedule(1000, []))).toBe('invalid_schedule');
  });
});

describe('invalid amounts', () => {
  it.each([
    ['a negative price', { lines: [line(1000, -1)] }, 'invalid_unit_price'],
    ['a price above the limit', { lines: [line(1000, MAX_UNIT_PRICE + 1)] }, 'invalid_unit_price'],
    ['a fractional price', { lines: [line(1000, 9.99)] }, 'invalid_unit_price'],
    ['a fractional quantity', { lines: [line(1.5, 100)] }, 'invalid_quantity'],
    ['a zero quantity', { lines: [line(0, 100)] }, 'invalid_quantity'],
    ['a tax rate above 100 %', { lines: [line(1000, 100, 10_001)] }, 'invalid_tax_rate'],
    ['a negative tax rate', { lines: [line(1000, 100, -1)] }, 'invalid_tax_rate'],
    ['a discount above 100 %', { lines: [line(1000, 100, 0, pct(10_001))] }, 'invalid_discount'],
    ['a negative discount', { lines: [line(1000, 100)], discount: amt(-1) }, 'invalid_discount'],
    ['too many lines', { lines: Array.from({ length: MAX_LINE_ITEMS + 1 }, () => line(1000, 1)) }, 'too_many_lines'],
    ['a line beyond MAX_SAFE_INTEGER', { lines: [line(MAX_QUANTITY, MAX_UNIT_PRICE)] }, 'amount_too_large'],
    ['a sum beyond MAX_SAFE_INTEGER', { lines: Array.from({ length: 100 }, () => line(MAX_QUANTITY, 100_000_000)) }, 'amount_too_large'],
    ['a negative deduction', { lines: [line(1000, 100)], deductions: [{ label: 'x', amount: -5 }] }, 'invalid_deduction'],
  ] as [string, InvoiceInput, string][])('refuses %s', (_, input, code) => {
    expect(codeOf(() => invoiceAmounts(input))).toBe(code);
  });

  it('names the field at fault', () => {
    try {
      invoiceAmounts({ lines: [line(1000, 1), line(1000, -1)] });
      expect.unreachable();
    } catch (e) {
      expect((e as AmountError).fields).toEqual({ 'lines.1.unitPrice': [expect.any(String)] });
    }
  });
});

describe('formatMoney', () => {
  it.each([
    [123_456, 'GBP', 'en-GB', '£1,234.56'],
    [-50, 'GBP', 'en-GB', '-£0.50'],
    [5, 'USD', 'en-US', '$0.05'],
    [123_456, 'EUR', 'de-DE', '1.234,56\u00a0€'],
    [123_456, 'HUF', 'en-GB', 'HUF\u00a01,234.56'],
    [Number.MAX_SAFE_INTEGER, 'USD', 'en-US', '$90,071,992,547,409.91'], // exact: no float division
  ] as const)('%i %s in %s is %s', (minor, currency, locale, text) => {
    expect(formatMoney(minor, currency, locale)).toBe(text);
  });
});

// Property tests: random invoices within the limits' everyday range (so the cases stay fast).
const portion = (maxAmount: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('amount' as const), minor: fc.integer({ min: 0, max: maxAmount }) }),
  );
const lineArb: fc.Arbitrary<LineInput> = fc.record(
  {
    description: fc.constant('Line'),
    quantity: fc.integer({ min: 1, max: 200_000 }),
    unitPrice: fc.integer({ min: 0, max: 50_000_000 }),
    taxRate: fc.oneof(fc.constantFrom(0, 500, 2000, 2500), fc.integer({ min: 0, max: 10_000 })),
    discount: portion(10_000_000),
  },
  { requiredKeys: ['description', 'quantity', 'unitPrice', 'taxRate'] },
);
const deductionArb: fc.Arbitrary<Deduction> = fc.record({ label: fc.constant('Paid'), amount: fc.integer({ min: 1, max: 2_000_000_000 }) });
const invoiceArb: fc.Arbitrary<InvoiceInput> = fc.record(
  {
    lines: fc.array(lineArb, { maxLength: 25 }),
    discount: portion(5_000_000_000),
    deductions: fc.array(deductionArb, { maxLength: 5 }),
  },
  { requiredKeys: ['lines'] },
);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('properties', () => {
  it('totals are the sums of the lines, net = subtotal − discount, nothing negative, rounding per line', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const { lines, totals } = invoiceAmounts(input);
        for (const key of ['subtotal', 'lineDiscount', 'invoiceDiscount', 'discount', 'net', 'tax', 'total'] as const) {
          expect(totals[key]).toBe(sum(lines.map((l) => l[key])));
        }
        expect(totals.net).toBe(totals.subtotal - totals.discount);
        expect(totals.total).toBe(totals.net + totals.tax);
        expect(sum(totals.taxByRate.map((r) => r.tax))).toBe(totals.tax);
        expect(sum(totals.taxByRate.map((r) => r.net))).toBe(totals.net);
        lines.forEach((l, i) => {
          const given = input.lines[i]!;
          expect(BigInt(l.subtotal)).toBe(roundHalfUp(BigInt(given.quantity) * BigInt(given.unitPrice), 1000n));
          expect(BigInt(l.tax)).toBe(roundHalfUp(BigInt(l.net) * BigInt(given.taxRate), 10_000n));
          expect(l.net).toBe(l.subtotal - l.discount);
          expect(l.total).toBe(l.net + l.tax);
          for (const v of [l.subtotal, l.lineDiscount, l.invoiceDiscount, l.net, l.tax, l.total]) {
            expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the invoice discount is the portion of the net after line discounts, shared exactly', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const { lines, totals } = invoiceAmounts(input);
        const base = BigInt(sum(lines.map((l) => l.subtotal - l.lineDiscount)));
        const d = input.discount;
        const expected = !d
          ? 0n
          : d.kind === 'percent'
            ? roundHalfUp(base * BigInt(d.basisPoints), 10_000n)
            : BigInt(Math.min(d.minor, Number(base)));
        expect(BigInt(totals.invoiceDiscount)).toBe(expected);
        expect(sum(lines.map((l) => l.invoiceDiscount))).toBe(totals.invoiceDiscount);
      }),
      { numRuns: 300 },
    );
  });

  it('amountDue = max(0, total − deductions), and what was capped is the excess', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const r = invoiceAmounts(input);
        const asked = sum((input.deductions ?? []).map((d) => d.amount));
        expect(r.amountDue).toBe(Math.max(0, r.totals.total - asked));
        expect(r.deducted + r.amountDue).toBe(r.totals.total);
        expect(r.capped).toBe(Math.max(0, asked - r.totals.total));
        expect(r.deductions.every((d) => d.applied >= 0 && d.applied + d.capped === d.amount)).toBe(true);
      }),
    );
  });

  it('allocate sums exactly, never exceeds a weight, and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, f) => {
          const total = sum(weights);
          const amount = Math.floor(total * f);
          const parts = allocate(amount, weights);
          expect(sum(parts)).toBe(amount);
          parts.forEach((p, i) => {
            expect(p >= 0 && p <= weights[i]!).toBe(true);
            // |p − amount × w / total| < 1, compared exactly in BigInt.
            const off = BigInt(p) * BigInt(total) - BigInt(amount) * BigInt(weights[i]!);
            if (total > 0) expect(off > -BigInt(total) && off < BigInt(total)).toBe(true);
          });
        },
      ),
    );
  });

  it('a deposit is between nothing and the total, within half a minor unit of its percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 1, max: 10_000 }), (total, bp) => {
        const deposit = depositAmount(total, pct(bp));
        expect(deposit >= 0 && deposit <= total).toBe(true);
        const off = BigInt(deposit) * 10_000n - BigInt(total) * BigInt(bp);
        expect(off >= -5000n && off <= 5000n).toBe(true);
      }),
    );
  });

  it('schedule parts sum exactly to the total, none negative, amounts exact; over-allocation is refused', () => {
    let refused = 0;
    let split = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 1, max: 4000 }) }),
            fc.record({ kind: fc.constant('amount' as const), minor: fc.integer({ min: 1, max: 4e11 }) }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (total, parts) => {
          const asked = parts.reduce(
            (s, p) => s + (p.kind === 'percent' ? BigInt(total) * BigInt(p.basisPoints) : BigInt(p.minor) * 10_000n),
            0n,
          );
          if (asked > BigInt(total) * 10_000n) {
            refused += 1;
            expect(codeOf(() => schedule(total, parts))).toBe('schedule_over_allocated');
            return;
          }
          split += 1;
          const amounts = schedule(total, parts);
          expect(amounts).toHaveLength(parts.length);
          expect(sum(amounts)).toBe(total);
          expect(amounts.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
          parts.slice(0, -1).forEach((p, i) => {
            if (p.kind === 'amount') expect(amounts[i]).toBe(p.minor);
          });
        },
      ),
      { numRuns: 300 },
    );
    // Both branches were exercised, so neither assertion above is vacuous.
    expect(refused).toBeGreaterThan(10);
    expect(split).toBeGreaterThan(10);
  });
});
