// A studio's Stripe account on the local stand-in, connected through Settings → Payments, and what
// its client does to pay: open Checkout from the portal, pay on the stand-in's checkout page.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { findStudioBySlugForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, signUpAndSignIn } from '../../support/http.ts';
import { STAND_IN_PAYMENT_NUMBERS, stripeStandIn, stripeWebhookUrl } from '../../support/stripe.ts';

export { STAND_IN_PAYMENT_NUMBERS };

export interface StripeAccount {
  accountId: string;
  secretKey: string;
  webhookSecret: string;
  publishableKey: string;
}

const token = () => randomUUID().replaceAll('-', '');

/** Registers a Stripe account for the studio on the stand-in (webhooks to its endpoint) and connects it. */
export async function connectStripe(studio: Browser, studioId: string, name: string): Promise<StripeAccount> {
  const keys = { secretKey: `rk_test_${token()}`, webhookSecret: `whsec_${token()}`, publishableKey: `pk_test_${token()}` };
  const { id } = await stripeStandIn().addAccount({
    secretKey: keys.secretKey,
    webhookSecret: keys.webhookSecret,
    webhookUrl: stripeWebhookUrl(studioId, studio.port),
    name,
    currency: 'gbp',
  });
  const connected = await studio.call(DASHBOARD, 'PUT', '/api/studio/settings/billing/stripe', { json: keys });
  expect(connected.status, connected.text).toBe(200);
  return { accountId: id, ...keys };
}

/** The client opens Checkout for what is due and pays on the stand-in's page; the page's status and the session. */
export async function payInvoice(
  client: Browser,
  portalHost: string,
  invoiceId: string,
  number: string = STAND_IN_PAYMENT_NUMBERS.succeeds,
) {
  const started = await client.post(portalHost, `/api/portal/invoices/${invoiceId}/checkout`);
  expect(started.status, started.text).toBe(200);
  const status = await stripeStandIn().pay(started.body.clientSecret, number);
  return { status, sessionId: started.body.sessionId as string, clientSecret: started.body.clientSecret as string };
}

/** Waits until every webhook the stand-in started sending has been answered. */
export async function webhooksDelivered(expected: number): Promise<void> {
  const standIn = stripeStandIn();
  for (let i = 0; i < 200; i++) {
    const deliveries = await standIn.deliveries();
    if (deliveries.length >= expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${expected} webhook deliveries`);
}

export const deliveryCount = async () => (await stripeStandIn().deliveries()).length;

/** A draft, sent; its detail as the studio sees it. */
export async function createAndSend(studio: Browser, body: Record<string, unknown>) {
  const made = await studio.post(DASHBOARD, '/api/studio/invoices', body);
  expect(made.status, made.text).toBe(201);
  const sent = await studio.post(DASHBOARD, `/api/studio/invoices/${made.body.invoice.invoiceId}/send`);
  expect(sent.status, sent.text).toBe(200);
  return sent.body.invoice;
}

/** A small studio of its own (no galleries or projects): its Stripe account connected and one invoice sent to one client. */
export async function studioWithInvoice(label: string) {
  const tag = randomUUID().slice(0, 8);
  const slug = `${label.toLowerCase()}-${tag}`;
  const studio = new Browser();
  const signedUp = await signUpAndSignIn(studio, {
    studioName: `${label} ${tag}`,
    slug,
    email: `owner-${slug}@example.com`,
    password: `Owner-${tag}-9Aa`,
    name: `${label} Owner`,
  });
  expect(signedUp.status).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  const account = await connectStripe(studio, studioId, `${label} ${tag} Ltd`);
  const invited = await studio.post(DASHBOARD, '/api/studio/clients', { email: `client-${slug}@example.com`, name: `${label} Client` });
  expect(invited.status, invited.text).toBe(201);
  const invoice = await createAndSend(studio, {
    kind: 'standard',
    clientId: invited.body.client.clientId,
    currency: 'GBP',
    lines: [{ description: `${label} work`, quantity: 1000, unitPrice: 5_000, taxRate: 0 }],
  });
  return { studio, studioId, account, invoiceId: invoice.invoiceId as string };
}
