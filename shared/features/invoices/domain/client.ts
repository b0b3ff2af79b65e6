// The client's side: their Billing tab (every sent invoice of theirs and of their projects), one
// invoice, its PDF, and paying it with Stripe Checkout embedded in the portal.

import { stripeClient } from '../../../adapters/stripe.ts';
import { config, portalUrl } from '../../../config.ts';
import { notFound } from '../../../errors.ts';
import type { PageRequest } from '../../../paging.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import {
  batchGetInvoices,
  clientInvoiceIds,
  commitInvoice,
  getInvoiceWithPayments,
  getStripeSettings,
  InvoiceMoved,
  isClientPointer,
  pdfLink,
} from '../data.ts';
import type { InvoiceRecord } from '../records.ts';
import type { CheckoutStart, ClientInvoice, InvoiceSummary } from '../schemas.ts';
import { pdfName } from './emails.ts';
import { fulfilSession } from './fulfil.ts';
import { assertPayable, attemptAfter, checkoutKey, checkoutMessage, dueNow } from './rules.ts';
import { invoicingOf, stripeKeysOf } from './settings.ts';
import { clientInvoice, invoiceSummary } from './views.ts';

/** The client's invoice with its payments, or "not found" (a draft, or someone else's, is the same as none). */
async function theirs(studio: Studio, client: Client, invoiceId: string) {
  const [pointer, found] = await Promise.all([isClientPointer(invoiceId, client.clientId), getInvoiceWithPayments(invoiceId)]);
  if (!pointer || !found || found.invoice.studioId !== studio.studioId || found.invoice.status === 'draft')
    throw notFound('No such invoice.');
  return found;
}

/** Newest first; the list is a person's own few invoices, so it is read whole and paged here. */
export async function clientInvoices(
  studio: Studio,
  client: Client,
  page: PageRequest,
): Promise<{ invoices: InvoiceSummary[]; nextCursor: string | null }> {
  const ids = await clientInvoiceIds(client.clientId);
  const invoices = (await batchGetInvoices(ids))
    .filter((r) => r.studioId === studio.studioId && r.status !== 'draft')
    .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.seq - a.seq)
    .map((r) => invoiceSummary(r));
  const start = page.cursor ? Number.parseInt(Buffer.from(page.cursor, 'base64url').toString('utf8'), 10) || 0 : 0;
  const end = start + page.limit;
  return {
    invoices: invoices.slice(start, end),
    nextCursor: end < invoices.length ? Buffer.from(String(end)).toString('base64url') : null,
  };
}

export async function clientInvoiceView(studio: Studio, client: Client, invoiceId: string): Promise<ClientInvoice> {
  const { invoice, payments } = await theirs(studio, client, invoiceId);
  const [invoicing, stripe] = await Promise.all([invoicingOf(studio), getStripeSettings(studio.studioId)]);
  return clientInvoice(studio, invoicing, invoice, payments, stripe !== null);
}

export async function clientPdf(studio: Studio, client: Client, invoiceId: string) {
  const { invoice } = await theirs(studio, client, invoiceId);
  return { url: await pdfLink(invoice, pdfName(invoice)), fileName: pdfName(invoice) };
}

const returnUrl = (studio: Studio, r: InvoiceRecord) => `${portalUrl(studio.slug)}/billing/${r.invoiceId}?session_id={CHECKOUT_SESSION_ID}`;

/** Locally, the Stripe stand-in's checkout page stands in for Stripe.js's embedded form. */
const standInPage = (sessionId: string, clientSecret: string) =>
  config.stripeApiBase ? `${config.stripeApiBase}/checkout/${sessionId}?client_secret=${encodeURIComponent(clientSecret)}` : null;

/**
 * A Checkout Session for what is due, embedded in the portal. Created with an idempotency key per
 * invoice, amount and attempt, so a double click (or two tabs) gets the same session; a new attempt
 * only once the last expired or failed.
 */
export async function startCheckout(studio: Studio, client: Client, invoiceId: string): Promise<CheckoutStart> {
  const { invoice: r } = await theirs(studio, client, invoiceId);
  const keys = await stripeKeysOf(studio.studioId);
  assertPayable(r, keys !== null);
  const stripe = stripeClient((keys as NonNullable<typeof keys>).secretKey);
  const amount = dueNow(r);
  const attempt = attemptAfter(r.checkout, amount);
  const metadata = { studioId: studio.studioId, invoiceId: r.invoiceId };
  const session = await stripe.checkout.sessions.create(
    {
      ui_mode: 'embedded_page',
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: r.currency.toLowerCase(), unit_amount: amount, product_data: { name: `${r.number} · ${studio.name}` } },
        },
      ],
      customer_email: client.email,
      client_reference_id: r.invoiceId,
      metadata,
      payment_intent_data: { metadata, description: `${r.number} · ${studio.name}` },
      return_url: returnUrl(studio, r),
    },
    { idempotencyKey: checkoutKey(r.invoiceId, amount, attempt) },
  );
  await noteAttempt(r.invoiceId, { sessionId: session.id, amount, attempt, outcome: 'open', at: new Date().toISOString() });
  const clientSecret = session.client_secret as string;
  return {
    sessionId: session.id,
    clientSecret,
    amount,
    currency: r.currency,
    publishableKey: (keys as NonNullable<typeof keys>).settings.publishableKey,
    standInUrl: standInPage(session.id, clientSecret),
  };
}

/** Keeps the latest attempt on the invoice (what the Billing tab says, and the next attempt's number). */
async function noteAttempt(invoiceId: string, checkout: NonNullable<InvoiceRecord['checkout']>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await getInvoiceWithPayments(invoiceId);
    if (!found) return;
    const r = found.invoice;
    if (r.checkout?.sessionId === checkout.sessionId) return;
    try {
      await commitInvoice({ ...r, checkout, version: r.version + 1, updatedAt: new Date().toISOString() });
      return;
    } catch (e) {
      if (!(e instanceof InvoiceMoved)) throw e;
    }
  }
}

/** The client's return from Checkout: settled by the webhooks' own function, so it never shows a stale "unpaid". */
export async function checkoutResult(studio: Studio, client: Client, invoiceId: string, sessionId: string) {
  await theirs(studio, client, invoiceId);
  const keys = await stripeKeysOf(studio.studioId);
  if (!keys) throw notFound('No such checkout.');
  let settled: Awaited<ReturnType<typeof fulfilSession>>;
  try {
    settled = await fulfilSession(studio, keys, sessionId, invoiceId);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) throw notFound('No such checkout.');
    throw e;
  }
  if (!settled || settled.invoice.invoiceId !== invoiceId) throw notFound('No such checkout.');
  const outcome = settled.outcome ?? 'open';
  return { checkout: { outcome, message: checkoutMessage(outcome) }, invoice: await clientInvoiceView(studio, client, invoiceId) };
}
