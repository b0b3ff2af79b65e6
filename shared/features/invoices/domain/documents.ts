// What an invoice bills, as lines: a deposit or instalment is one tax-free line, its share of the
// project's fee; a final invoice bills the fee and deducts, as lines, what the project's deposit and
// instalments brought in. The amounts themselves are money.ts's (integer minor units throughout).
import { BASIS_POINTS, INVOICE_KIND_NAMES } from '../constants.ts';
import { batchGetInvoices, projectInvoiceIds } from '../data.ts';
import type { InvoiceRecord } from '../records.ts';
import {
  type Deduction,
  type Discount,
  depositAmount,
  type InvoiceAmounts,
  invoiceAmounts,
  type LineInput,
  type Portion,
} from './money.ts';

export interface Fee {
  lines: LineInput[];
  discount: Discount | null;
}

const percent = (basisPoints: number) => `${(basisPoints / (BASIS_POINTS / 100)).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;

/** The fee's total as billed (lines, discount and tax). */
export const feeTotal = (fee: Fee): number => invoiceAmounts({ lines: fee.lines, discount: fee.discount ?? undefined }).totals.total;

/** The one line a share of the fee bills: "Deposit — 30% of the fee" (taxed in the fee, so not again). */
export function shareLine(label: string, fee: Fee, portion: Portion, amount = depositAmount(feeTotal(fee), portion)): LineInput {
  const of = portion.kind === 'percent' ? ` — ${percent(portion.basisPoints)} of the fee` : '';
  return { description: `${label}${of}`, quantity: 1000, unitPrice: amount, taxRate: 0 };
}

/** The amounts of an invoice as it stands: its lines, discount and (a final invoice's) deductions. */
export const amountsOf = (r: Pick<InvoiceRecord, 'lines' | 'discount' | 'deductions'>): InvoiceAmounts =>
  invoiceAmounts({ lines: r.lines, discount: r.discount ?? undefined, deductions: r.deductions });

/** A final invoice's deductions: what each of the project's live deposits and instalments brought in. */
export async function projectDeductions(projectId: string, exceptId: string | null): Promise<Deduction[]> {
  const ids = (await projectInvoiceIds(projectId)).filter((id) => id !== exceptId);
  const invoices = await batchGetInvoices(ids);
  return invoices
    .filter((i) => (i.kind === 'deposit' || i.kind === 'instalment') && i.status !== 'void' && i.paid > 0)
    .sort((a, b) => a.seq - b.seq)
    .map((i) => ({ label: `Less: ${INVOICE_KIND_NAMES[i.kind].replace(' invoice', '')} paid (${i.number})`, amount: i.paid }));
}

/** The record's money fields from its document: total, what it asks for, nothing paid yet. */
export function withAmounts<T extends Pick<InvoiceRecord, 'lines' | 'discount' | 'deductions'>>(
  r: T,
): T & { total: number; amountDue: number } {
  const a = amountsOf(r);
  return { ...r, total: a.totals.total, amountDue: a.amountDue };
}
