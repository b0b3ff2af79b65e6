// Invoices' pure rules: what status an invoice reads as, what may be done to it, and how a payment's
// state may move. No I/O: the use cases call these and write what they decide.
import { conflict } from '../../../errors.ts';
import type { CheckoutOutcome, InvoiceStatus, PaymentState } from '../constants.ts';
import type { InvoiceRecord, StoredStatus } from '../records.ts';

type Money = Pick<InvoiceRecord, 'amountDue' | 'paid' | 'processing'>;

/** What is left to pay (a bank debit still settling counts as not yet paid). */
export const dueNow = (r: Money): number => Math.max(0, r.amountDue - r.paid);

/** The status people see: `overdue` once an unpaid sent invoice's due date (inclusive) has passed on `today`. */
export function statusOf(r: Pick<InvoiceRecord, 'status' | 'dueDate'> & Money, today: string): InvoiceStatus {
  if ((r.status === 'sent' || r.status === 'partially_paid') && r.dueDate < today && dueNow(r) > 0) return 'overdue';
  return r.status;
}

/** The stored status a sent invoice takes from what was received against it. */
export function settledStatus(r: Pick<InvoiceRecord, 'status'> & Money): StoredStatus {
  if (r.status === 'draft' || r.status === 'void') return r.status;
  if (r.paid >= r.amountDue) return 'paid';
  return r.paid > 0 ? 'partially_paid' : 'sent';
}

/** Only a draft changes: a sent invoice is a document the client holds. */
export function assertDraft(r: Pick<InvoiceRecord, 'status' | 'number'>): void {
  if (r.status !== 'draft')
    throw conflict('invoice_sent', `${r.number} has been sent and can no longer change: void it and issue a new invoice instead.`);
}

/** Void is for an invoice nothing was paid on (or is being paid); it stays, marked void. */
export function assertVoidable(r: Pick<InvoiceRecord, 'status' | 'number' | 'paid' | 'processing'>): void {
  if (r.status === 'void') throw conflict('invoice_void', `${r.number} is void already.`);
  if (r.paid > 0 || r.processing > 0)
    throw conflict('invoice_has_payments', `${r.number} has a payment on it: it cannot be voided. Refund the payment in Stripe first.`);
}

/** Whether the client may pay it online now. */
export function payability(r: Pick<InvoiceRecord, 'status' | 'number'> & Money, stripeConnected: boolean): string | null {
  if (r.status === 'draft' || r.status === 'void') return 'invoice_not_open';
  if (dueNow(r) === 0) return 'invoice_paid';
  if (r.processing > 0) return 'payment_processing';
  if (!stripeConnected) return 'payments_unavailable';
  return null;
}

const PAYABILITY_MESSAGES: Record<string, (n: string) => string> = {
  invoice_not_open: (n) => `${n} is not open for payment.`,
  invoice_paid: (n) => `${n} is paid: there is nothing left to pay.`,
  payment_processing: (n) => `A bank payment of ${n} is processing: wait for it to settle before paying again.`,
  payments_unavailable: () => 'The studio does not take online payments yet: ask them how to pay.',
};

export function assertPayable(r: Pick<InvoiceRecord, 'status' | 'number'> & Money, stripeConnected: boolean): void {
  const code = payability(r, stripeConnected);
  if (code) throw conflict(code, (PAYABILITY_MESSAGES[code] as (n: string) => string)(r.number));
}

/**
 * A payment's state only moves forward: processing → succeeded or failed, never back. Whatever order
 * Stripe's events arrive in, the state read from Stripe can only confirm or advance the stored one.
 */
export function nextPaymentState(was: PaymentState | null, seen: PaymentState): PaymentState {
  if (was === null || was === 'processing') return seen;
  return was;
}

/** How the client's latest Checkout attempt reads, from the session (and its PaymentIntent) as Stripe has it. */
export function checkoutOutcome(session: { status: string | null; paymentStatus: string; intentStatus: string | null }): CheckoutOutcome {
  if (session.status === 'complete') {
    if (session.paymentStatus === 'paid') return 'paid';
    if (session.intentStatus === 'processing') return 'processing';
    return 'failed';
  }
  if (session.status === 'expired') return 'expired';
  return 'open';
}

/** What the client reads about an attempt. */
export function checkoutMessage(outcome: CheckoutOutcome, declined?: string | null): string {
  switch (outcome) {
    case 'paid':
      return 'Paid. Thank you: a receipt is on its way to your inbox.';
    case 'processing':
      return 'Your bank payment is processing. It can take a few working days; we will email you once it has gone through.';
    case 'failed':
      return 'Your bank could not complete the payment. Nothing was taken: try again, or use a card.';
    case 'expired':
      return 'The checkout expired before it was completed. Nothing was taken: start again when you are ready.';
    case 'open':
      return declined ?? 'The payment was not completed. Nothing was taken: you can try again.';
  }
}

/** Stripe's idempotency key for a checkout: one session per invoice, amount and attempt (a double click makes one). */
export const checkoutKey = (invoiceId: string, amount: number, attempt: number): string => `invoice-${invoiceId}-${amount}-${attempt}`;

/** Whether a new attempt is needed: the last one ended (expired, failed) or asked for another amount. */
export function attemptAfter(last: { amount: number; attempt: number; outcome: CheckoutOutcome } | null, amount: number): number {
  if (!last) return 1;
  if (last.outcome === 'expired' || last.outcome === 'failed' || last.amount !== amount) return last.attempt + 1;
  return last.attempt;
}
