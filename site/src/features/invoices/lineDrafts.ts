// The line-items editor's drafts (what is typed, as text) and their conversion to the API's lines:
// quantities in thousandths, prices in minor units, tax and percentages in basis points. Problems are
// keyed by the API's field paths (`lines.0.quantity`), so a 400's `fields` and these land in the same place.
import type { Currency } from '../../../../shared/features/invoices/constants.ts';
import type { LineInput } from '../../../../shared/features/invoices/schemas.ts';
import { parseMoney, parsePercent, parseQuantity, type Share, showMoney, showQuantity, showScaled } from './amounts.ts';

export type DiscountKind = '' | 'percent' | 'amount';
export interface DiscountDraft {
  kind: DiscountKind;
  value: string;
}
export interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  discount: DiscountDraft;
}
export type Problems = Record<string, string[]>;

let next = 1;
export const blankLine = (taxRate = '0'): LineDraft => ({
  key: next++,
  description: '',
  quantity: '1',
  unitPrice: '',
  taxRate,
  discount: { kind: '', value: '' },
});

/** A saved line back into the editor (its discount as the amount it came to). */
export function lineDraftOf(
  line: { description: string; quantity: number; unitPrice: number; taxRate: number; discount: number },
  currency: Currency,
): LineDraft {
  return {
    key: next++,
    description: line.description,
    quantity: showQuantity(line.quantity),
    unitPrice: showMoney(line.unitPrice, currency),
    taxRate: showScaled(line.taxRate, 2),
    discount: line.discount ? { kind: 'amount', value: showMoney(line.discount, currency) } : { kind: '', value: '' },
  };
}

/** A percentage or an amount typed in, or null (with a problem said) when it is not one. */
export function parseShare(d: DiscountDraft, currency: Currency, at: string, problems: Problems, minimum: 0 | 1): Share | null | undefined {
  if (!d.kind) return undefined;
  if (d.kind === 'percent') {
    const bp = parsePercent(d.value);
    if (bp === null || bp < minimum) {
      problems[at] = ['Enter a percentage from 0 to 100, like 10 or 12.5.'];
      return null;
    }
    return { kind: 'percent', basisPoints: bp };
  }
  const minor = parseMoney(d.value, currency);
  if (minor === null || minor < minimum) {
    problems[at] = [`Enter an amount in ${currency}, like 50 or 49.99.`];
    return null;
  }
  return { kind: 'amount', minor };
}

/** The lines as the API takes them; `problems` gets a message for each field that is not right. */
export function parseLines(drafts: LineDraft[], currency: Currency, prefix: string, problems: Problems): LineInput[] {
  return drafts.map((d, i) => {
    const at = `${prefix}.${i}`;
    if (!d.description.trim()) problems[`${at}.description`] = ['Say what this line is for.'];
    const quantity = parseQuantity(d.quantity);
    if (quantity === null || quantity < 1) problems[`${at}.quantity`] = ['Enter a quantity, like 1 or 2.5 (up to three decimals).'];
    const unitPrice = parseMoney(d.unitPrice, currency);
    if (unitPrice === null) problems[`${at}.unitPrice`] = [`Enter a price in ${currency}, like 120 or 99.50.`];
    const taxRate = parsePercent(d.taxRate || '0');
    if (taxRate === null) problems[`${at}.taxRate`] = ['Enter a tax rate from 0 to 100, like 20.'];
    const discount = parseShare(d.discount, currency, `${at}.discount`, problems, 0);
    return {
      description: d.description.trim(),
      quantity: quantity ?? 1,
      unitPrice: unitPrice ?? 0,
      taxRate: taxRate ?? 0,
      ...(discount ? { discount } : {}),
    };
  });
}

/** The lines that can be previewed now (every number readable), for the running totals. */
export function previewable(drafts: LineDraft[], currency: Currency) {
  const problems: Problems = {};
  const lines = parseLines(drafts, currency, 'lines', problems);
  return lines.filter((_, i) => !Object.keys(problems).some((k) => k.startsWith(`lines.${i}.`) && !k.endsWith('.description')));
}
