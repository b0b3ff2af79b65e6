// How invoices read in the portal: the status names come from the shared constants, the tones, the
// addresses and the payment-lock sentence live here.
import {
  CURRENCY_EXPONENTS,
  type Currency,
  formatMoney,
  INVOICE_STATUS_NAMES,
  type InvoiceStatus,
} from '../../../../shared/features/invoices/constants.ts';
import type { PaymentLock } from '../../../../shared/schemas.ts';

/** Badge's tones (components/ui/Badge.tsx), named here so the server's typecheck of the unit test needs no JSX. */
type Tone = 'accent' | 'success' | 'neutral' | 'warning' | 'danger' | 'info';

const STATUS_TONES: Record<InvoiceStatus, Tone> = {
  draft: 'neutral',
  sent: 'info',
  partially_paid: 'accent',
  paid: 'success',
  overdue: 'danger',
  void: 'neutral',
};

/** The badge of an invoice: "Processing" while a bank debit settles, its status otherwise. */
export function invoiceBadge(invoice: { status: InvoiceStatus; processing: boolean }): { label: string; tone: Tone } {
  if (invoice.processing && invoice.status !== 'paid' && invoice.status !== 'void') return { label: 'Processing', tone: 'warning' };
  return { label: INVOICE_STATUS_NAMES[invoice.status], tone: STATUS_TONES[invoice.status] };
}

/** An amount of a currency the API named as a plain string (a payment lock's), shown as money when known. */
export function money(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  if (Object.hasOwn(CURRENCY_EXPONENTS, code)) return formatMoney(minor, code as Currency);
  return `${minor} ${code}`;
}

/** The invoice id of a detail page (/billing/<uuid>). */
export function invoiceIdFromPath(pathname: string): string | null {
  const m = /^\/billing\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  return m ? (m[1] as string).toLowerCase() : null;
}

export const invoiceHref = (invoiceId: string) => `/billing/${encodeURIComponent(invoiceId)}`;
/** The invoice page with its checkout opened at once ("Pay to unlock"). */
export const payHref = (invoiceId: string) => `${invoiceHref(invoiceId)}?pay=1`;

/** A tax rate in basis points as a percentage: 2000 is "20%", 550 is "5.5%". */
export const percent = (basisPoints: number) => `${(basisPoints / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;

/** A quantity in thousandths of a unit: 1500 is "1.5". */
export const quantity = (thousandths: number) => (thousandths / 1000).toLocaleString('en-GB', { maximumFractionDigits: 3 });

export type LockedWhat = 'originals' | 'final files';

/** "The originals open once invoice INV-0003 (£1,200.00) is paid." */
export const lockSentence = (lock: PaymentLock, what: LockedWhat) =>
  `The ${what} open once invoice ${lock.number} (${money(lock.amountDue, lock.currency)}) is paid.`;
