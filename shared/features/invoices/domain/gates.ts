// "Pay to unlock": a gallery's originals or a deliverable's final files held back while an invoice
// that unlocks them is unpaid. Only a confirmed payment opens them (the invoice's `paid`, which only
// fulfil.ts moves, from what Stripe says), never the client's return from Checkout on its own.
import { notAllowed } from '../../../errors.ts';
import type { PaymentLock } from '../../../schemas.ts';
import { formatMoney } from '../constants.ts';
import { batchGetInvoices, gatesOf } from '../data.ts';
import { dueNow } from './rules.ts';

/** The first unpaid sent invoice holding `targetId` back, for the studio; null when nothing does. */
export async function paymentLockOf(studioId: string, targetId: string): Promise<PaymentLock | null> {
  const gates = (await gatesOf(targetId)).filter((g) => g.studioId === studioId);
  if (!gates.length) return null;
  const holding = (await batchGetInvoices(gates.map((g) => g.invoiceId)))
    .filter((r) => r.studioId === studioId && (r.status === 'sent' || r.status === 'partially_paid') && dueNow(r) > 0)
    .sort((a, b) => a.seq - b.seq)[0];
  return holding ? { invoiceId: holding.invoiceId, number: holding.number, amountDue: dueNow(holding), currency: holding.currency } : null;
}

/** Refuses a download while an invoice holds it back (403 payment_required, with what to pay). */
export async function assertPaidFor(studioId: string, targetId: string, what: 'originals' | 'final files'): Promise<void> {
  const lock = await paymentLockOf(studioId, targetId);
  if (lock)
    throw notAllowed(
      'payment_required',
      `The ${what} open once invoice ${lock.number} (${formatMoney(lock.amountDue, lock.currency as Parameters<typeof formatMoney>[1])}) is paid.`,
    );
}
