// Settling payments, exactly once. Whatever tells us something happened (any of Stripe's webhooks,
// in any order, any number of times, or the client coming back from Checkout), the state is read
// afresh from Stripe (the Checkout Session and its PaymentIntent) and written forward only: the
// payment's state moves processing → succeeded | failed and never back, the invoice's write is
// conditional on the version read, and each effect (the receipt, the studio's note) is claimed with
// a conditional update of the payment record, so it happens once however many callers race.
import type Stripe from 'stripe';
import { stripeClient } from '../../../adapters/stripe.ts';
import { logger } from '../../../logger.ts';
import { notify } from '../../notifications/index.ts';
import { userPerson } from '../../people/index.ts';
import { getStudio, listStudioUsers, roleAtLeast, type Studio } from '../../studios/index.ts';
import { type CheckoutOutcome, formatMoney, type PaymentMethod, type PaymentState } from '../constants.ts';
import { claimEffect, commitInvoice, getInvoiceWithPayments, InvoiceMoved, openInvoiceDelete, paymentPut, releaseEffect } from '../data.ts';
import type { InvoiceRecord, PaymentRecord } from '../records.ts';
import { mailReceipt } from './emails.ts';
import { checkoutOutcome, dueNow, nextPaymentState, settledStatus } from './rules.ts';
import type { StripeKeys } from './settings.ts';

/** A payment as Stripe has it now. */
interface SeenPayment {
  paymentId: string;
  state: PaymentState;
  amount: number;
  refunded: number;
  method: PaymentMethod;
  reference: string | null;
  sessionId: string;
  createdAt: string;
}

export interface Settled {
  invoice: InvoiceRecord;
  outcome: CheckoutOutcome | null;
}

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

const METHOD_NAMES: Record<string, string> = {
  card: 'Card',
  sepa_debit: 'SEPA Direct Debit',
  bacs_debit: 'Bacs Direct Debit',
  us_bank_account: 'ACH debit',
};

const cardOf = (charge: Stripe.Charge | null): string | null => {
  const card = charge?.payment_method_details?.card;
  return card?.brand && card.last4 ? `${card.brand[0]?.toUpperCase()}${card.brand.slice(1)} ···· ${card.last4}` : null;
};

/** Is this Stripe object one of this studio's invoices? Its metadata says so (set when Portico made the session). */
function invoiceIdOf(studioId: string, metadata: Stripe.Metadata | null | undefined): string | null {
  if (!metadata || metadata.studioId !== studioId || !metadata.invoiceId) return null;
  return metadata.invoiceId;
}

async function seenPayment(
  stripe: Stripe,
  intent: Stripe.PaymentIntent,
  sessionId: string,
  sessionComplete: boolean,
): Promise<SeenPayment | null> {
  let state: PaymentState | null = null;
  if (intent.status === 'succeeded') state = 'succeeded';
  else if (intent.status === 'processing') state = 'processing';
  // A completed session whose PaymentIntent wants a new payment method: a bank debit that failed.
  else if (sessionComplete && (intent.status === 'requires_payment_method' || intent.status === 'canceled')) state = 'failed';
  if (!state) return null;
  const chargeId = idOf(intent.latest_charge);
  const charge = chargeId ? await stripe.charges.retrieve(chargeId) : null;
  const type = charge?.payment_method_details?.type ?? intent.payment_method_types[0] ?? 'card';
  return {
    paymentId: intent.id,
    state,
    amount: intent.amount,
    refunded: charge?.amount_refunded ?? 0,
    method: type === 'card' ? 'card' : 'bank_debit',
    // What the receipt names: the card's brand and last four, or the debit's kind (the method says "card" already).
    reference: cardOf(charge) ?? (type === 'card' ? null : (METHOD_NAMES[type] ?? type)),
    sessionId,
    createdAt: new Date(intent.created * 1000).toISOString(),
  };
}

/** The invoice's money fields from its payments: received (less refunds), and what is still settling. */
function withPayments(r: InvoiceRecord, payments: PaymentRecord[]): InvoiceRecord {
  const paid = payments.filter((p) => p.state === 'succeeded').reduce((s, p) => s + p.amount - p.refunded, 0);
  const processing = payments.filter((p) => p.state === 'processing').reduce((s, p) => s + p.amount, 0);
  const next = { ...r, paid, processing };
  next.status = settledStatus(next);
  next.paidAt = next.status === 'paid' ? (r.paidAt ?? new Date().toISOString()) : null;
  return next;
}

/** Writes what was seen, forward only; the invoice and payment as they now stand. */
async function record(invoiceId: string, seen: SeenPayment | null, session: { id: string; outcome: CheckoutOutcome } | null) {
  for (let attempt = 0; ; attempt++) {
    const found = await getInvoiceWithPayments(invoiceId);
    if (!found) return null;
    const { invoice: r, payments } = found;
    const was = seen ? (payments.find((p) => p.paymentId === seen.paymentId) ?? null) : null;
    let payment: PaymentRecord | null = was;
    if (seen) {
      const state = nextPaymentState(was?.state ?? null, seen.state);
      const refunded = Math.max(was?.refunded ?? 0, seen.refunded);
      if (!was || was.state !== state || was.refunded !== refunded) {
        payment = {
          paymentId: seen.paymentId,
          invoiceId,
          studioId: r.studioId,
          method: seen.method,
          state,
          amount: seen.amount,
          refunded,
          currency: r.currency,
          receivedAt: was?.receivedAt ?? new Date().toISOString(),
          reference: seen.reference,
          sessionId: seen.sessionId,
          receiptAt: was?.receiptAt ?? null,
          notifiedAt: was?.notifiedAt ?? null,
        };
      }
    }
    const paymentsNow = payment ? [...payments.filter((p) => p.paymentId !== payment.paymentId), payment] : payments;
    let next = withPayments(r, paymentsNow);
    if (session && r.checkout?.sessionId === session.id && r.checkout.outcome !== session.outcome && r.checkout.outcome !== 'paid')
      next = { ...next, checkout: { ...r.checkout, outcome: session.outcome } };
    const paymentChanged = payment !== was;
    if (!paymentChanged && JSON.stringify(next) === JSON.stringify(r)) return { invoice: r, payment };
    const closed = dueNow(next) === 0 && dueNow(r) > 0 && r.status !== 'draft';
    try {
      await commitInvoice({ ...next, version: r.version + 1, updatedAt: new Date().toISOString() }, [
        ...(paymentChanged && payment ? [paymentPut(payment, was)] : []),
        ...(closed ? [openInvoiceDelete(r)] : []),
      ]);
      return { invoice: { ...next, version: r.version + 1 }, payment };
    } catch (e) {
      if (!(e instanceof InvoiceMoved) || attempt >= 9) throw e;
    }
  }
}

/** The receipt to the client and the note to the studio's owners and admins: each claimed once. */
async function effects(studio: Studio, r: InvoiceRecord, p: PaymentRecord): Promise<void> {
  if (p.state !== 'succeeded') return;
  const at = new Date().toISOString();
  if (p.receiptAt === null && (await claimEffect(p, 'receiptAt', at))) {
    if (!(await mailReceipt(studio, r, p))) await releaseEffect(p, 'receiptAt', at);
  }
  if (p.notifiedAt === null && (await claimEffect(p, 'notifiedAt', at))) {
    try {
      const team = (await listStudioUsers(studio.studioId)).filter((u) => roleAtLeast(u.role, 'admin'));
      await notify({
        studioId: studio.studioId,
        kind: 'paymentReceived',
        projectId: r.project?.projectId ?? null,
        projectTitle: r.project?.title ?? null,
        title: `${r.client.name} paid ${formatMoney(p.amount, p.currency)} on ${r.number}`,
        link: { studio: `/billing/${r.invoiceId}`, client: `/billing/${r.invoiceId}` },
        actor: null,
        recipients: team.map((u) => userPerson(u.userId)),
      });
    } catch (error) {
      logger.error('The studio could not be told of a payment', { error, invoiceId: r.invoiceId });
      await releaseEffect(p, 'notifiedAt', at);
    }
  }
}

async function settle(
  studio: Studio,
  invoiceId: string,
  seen: SeenPayment | null,
  session: { id: string; outcome: CheckoutOutcome } | null,
) {
  const out = await record(invoiceId, seen, session);
  if (!out) return null;
  if (out.payment) await effects(studio, out.invoice, out.payment);
  return out.invoice;
}

/** A Checkout Session, read from Stripe and settled; null when it is not one of this studio's invoices (or not `forInvoiceId`'s). */
export async function fulfilSession(studio: Studio, keys: StripeKeys, sessionId: string, forInvoiceId?: string): Promise<Settled | null> {
  const stripe = stripeClient(keys.secretKey);
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] });
  const invoiceId = invoiceIdOf(studio.studioId, session.metadata);
  // The return page names its invoice: another invoice's session is none of its business.
  if (!invoiceId || (forInvoiceId !== undefined && invoiceId !== forInvoiceId)) return null;
  const intent = session.payment_intent && typeof session.payment_intent !== 'string' ? session.payment_intent : null;
  const outcome = checkoutOutcome({ status: session.status, paymentStatus: session.payment_status, intentStatus: intent?.status ?? null });
  const seen = intent ? await seenPayment(stripe, intent, session.id, session.status === 'complete') : null;
  const invoice = await settle(studio, invoiceId, seen, { id: session.id, outcome });
  return invoice ? { invoice, outcome } : null;
}

/** A PaymentIntent (a refund's), read from Stripe and settled. */
export async function fulfilIntent(studio: Studio, keys: StripeKeys, intentId: string): Promise<Settled | null> {
  const stripe = stripeClient(keys.secretKey);
  const intent = await stripe.paymentIntents.retrieve(intentId);
  const invoiceId = invoiceIdOf(studio.studioId, intent.metadata);
  if (!invoiceId) return null;
  const found = await getInvoiceWithPayments(invoiceId);
  const sessionId = found?.payments.find((p) => p.paymentId === intent.id)?.sessionId;
  if (!found || !sessionId) return null;
  const seen = await seenPayment(stripe, intent, sessionId, true);
  const invoice = await settle(studio, invoiceId, seen, null);
  return invoice ? { invoice, outcome: null } : null;
}

export async function studioOf(studioId: string): Promise<Studio | null> {
  return getStudio(studioId);
}
