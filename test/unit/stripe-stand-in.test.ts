// The local Stripe stand-in, driven through the real `stripe` SDK as Portico drives Stripe
// (shared/adapters/stripe.ts with STRIPE_API_BASE), with a small receiver standing for the webhook
// route. Needs no local stack: the stand-in and the receiver listen on free loopback ports.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseStripeForm, STAND_IN_PAYMENT_NUMBERS, type StripeStandIn, startStripeStandIn } from '../../local/stripe-stand-in.ts';
import { stripeClient, verifyWebhook, WebhookVerificationError } from '../../shared/adapters/stripe.ts';

interface Received {
  body: string;
  signature: string;
}

const A = { secretKey: 'sk_test_studioA_0123456789', webhookSecret: 'whsec_studioA_secret', name: 'Studio A', currency: 'EUR' };
const B = { secretKey: 'sk_test_studioB_0123456789', webhookSecret: 'whsec_studioB_secret', name: 'Studio B', currency: 'GBP' };

let standIn: StripeStandIn;
let receiver: Server;
let received: Received[] = [];
let stripe: Stripe;
const previousBase = process.env.STRIPE_API_BASE;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature']) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
  // Delayed debits settle only when a test says so: no timing in the assertions.
  standIn = await startStripeStandIn({ delayedSettleMs: null });
  standIn.addAccount({ ...A, webhookUrl });
  standIn.addAccount({ ...B, webhookUrl });
  process.env.STRIPE_API_BASE = standIn.url;
  stripe = stripeClient(A.secretKey);
});

afterEach(async () => {
  await standIn.idle();
  standIn.setSwitches({ copies: 1, delayMs: 0, hold: false, badSignature: false, signedSecondsAgo: 0 });
  received = [];
});

afterAll(async () => {
  if (previousBase === undefined) delete process.env.STRIPE_API_BASE;
  else process.env.STRIPE_API_BASE = previousBase;
  await standIn?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

let invoiceSeq = 0;
function sessionParams(amount = 12_500): Stripe.Checkout.SessionCreateParams {
  invoiceSeq += 1;
  return {
    mode: 'payment',
    ui_mode: 'embedded_page',
    return_url: 'http://studio-a.portico.localhost/billing/return?session_id={CHECKOUT_SESSION_ID}',
    client_reference_id: `inv-${invoiceSeq}`,
    customer_email: 'client@example.com',
    metadata: { invoiceId: `inv-${invoiceSeq}`, studioId: 'studio-a' },
    payment_intent_data: { metadata: { invoiceId: `inv-${invoiceSeq}` } },
    line_items: [
      { quantity: 1, price_data: { currency: 'eur', unit_amount: amount, product_data: { name: `Invoice ${invoiceSeq}` } } },
      { quantity: 2, price_data: { currency: 'eur', unit_amount: 250, product_data: { name: 'Prints' } } },
    ],
  };
}

/** What the client does in the framed page: open it, type the number, press Pay. */
async function payOnPage(session: Stripe.Checkout.Session, number: string): Promise<{ status: number; html: string }> {
  const page = await fetch(standIn.checkoutPageUrl(String(session.client_secret)));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('name="number"');
  const res = await fetch(`${standIn.url}/checkout/${session.id}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_secret: String(session.client_secret), number, email: 'client@example.com' }),
  });
  return { status: res.status, html: await res.text() };
}

/** The events the receiver got so far, verified as the webhook route will verify them. */
async function verifiedEvents(secret = A.webhookSecret): Promise<Stripe.Event[]> {
  await standIn.idle();
  return received.map((r) => verifyWebhook(r.body, r.signature, secret));
}

describe('the Stripe stand-in through the real SDK', () => {
  it('answers the account of the key, and refuses an unknown key with 401', async () => {
    const account = await stripe.accounts.retrieveCurrent();
    expect(account.business_profile?.name).toBe('Studio A');
    expect(account.settings?.dashboard.display_name).toBe('Studio A');
    expect(account.default_currency).toBe('eur');
    expect((await stripeClient(B.secretKey).accounts.retrieveCurrent()).id).not.toBe(account.id);
    await expect(stripeClient('sk_test_nobody_123456').accounts.retrieveCurrent()).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it('creates an embedded session; the same Idempotency-Key gives the same one, other params an idempotency error', async () => {
    const params = sessionParams();
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'invoice-1-13000' });
    expect(first).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      ui_mode: 'embedded_page',
      amount_total: 13_000,
      currency: 'eur',
      url: null,
    });
    expect(first.client_secret).toMatch(new RegExp(`^${first.id}_secret_`));
    // Not paid yet: no PaymentIntent to expand.
    expect((await stripe.checkout.sessions.retrieve(first.id, { expand: ['payment_intent'] })).payment_intent).toBeNull();
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: 'invoice-1-13000' });
    expect(again.id).toBe(first.id);
    const other = { ...params, client_reference_id: 'something-else' };
    await expect(stripe.checkout.sessions.create(other, { idempotencyKey: 'invoice-1-13000' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeIdempotencyError,
    );
    expect((await stripe.checkout.sessions.create(params)).id).not.toBe(first.id);
  });

  it("refuses what Stripe refuses, in Stripe's error shape", async () => {
    const err = await stripe.checkout.sessions.create({ ...sessionParams(), ui_mode: 'hosted_page' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ type: 'StripeInvalidRequestError', param: 'ui_mode' });
    const unknown = { ...sessionParams(), surprise: 'x' } as Stripe.Checkout.SessionCreateParams;
    await expect(stripe.checkout.sessions.create(unknown)).rejects.toMatchObject({ param: 'surprise' });
    const own = await stripe.checkout.sessions.create(sessionParams());
    // Another account's session does not exist for this key.
    await expect(stripeClient(B.secretKey).checkout.sessions.retrieve(own.id)).rejects.toMatchObject({
      code: 'resource_missing',
      statusCode: 404,
    });
  });

  it('4242… pays: the signed checkout.session.completed verifies, the session is paid, its PaymentIntent succeeded', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const page = await payOnPage(session, '4242 4242 4242 4242');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Payment complete');
    const events = await verifiedEvents();
    expect(events.map((e) => e.type)).toEqual(['checkout.session.completed']);
    const event = events[0] as Stripe.CheckoutSessionCompletedEvent;
    expect(event).toMatchObject({ livemode: false, api_version: Stripe.API_VERSION, object: 'event' });
    expect(event.id).toMatch(/^evt_/);
    expect(event.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      metadata: { studioId: 'studio-a' },
    });
    const fetched = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(fetched.payment_status).toBe('paid');
    const pi = fetched.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: 'succeeded', amount_received: 13_000, metadata: { invoiceId: session.client_reference_id } });
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
    // A paid session cannot be paid again.
    expect((await fetch(standIn.checkoutPageUrl(String(session.client_secret)))).status).toBe(410);
    expect(standIn.pay(session.id, STAND_IN_PAYMENT_NUMBERS.succeeds)).toMatchObject({ status: 'unavailable' });
  });

  it('4000…0002 is declined: a clear message, no event, the session still open', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const page = await payOnPage(session, STAND_IN_PAYMENT_NUMBERS.declined);
    expect(page.status).toBe(402);
    expect(page.html).toContain('Your card was declined.');
    expect(await verifiedEvents()).toEqual([]);
    const fetched = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(fetched).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    expect(fetched.payment_intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    // The client can try again with a good card.
    expect((await payOnPage(session, STAND_IN_PAYMENT_NUMBERS.succeeds)).status).toBe(200);
  });

  it('a delayed debit completes unpaid, then async_payment_succeeded (or _failed)', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect((await payOnPage(session, STAND_IN_PAYMENT_NUMBERS.delayedSucceeds)).html).toContain('processing');
    let events = await verifiedEvents();
    expect(events.map((e) => [e.type, (e.data.object as Stripe.Checkout.Session).payment_status])).toEqual([
      ['checkout.session.completed', 'unpaid'],
    ]);
    expect((await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] })).payment_intent).toMatchObject({
      status: 'processing',
    });
    standIn.settle(session.id, 'succeeded');
    events = await verifiedEvents();
    expect(events.map((e) => e.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(paid.payment_status).toBe('paid');
    expect(paid.payment_intent).toMatchObject({ status: 'succeeded' });

    received = [];
    const failing = await stripe.checkout.sessions.create(sessionParams());
    await payOnPage(failing, STAND_IN_PAYMENT_NUMBERS.delayedFails);
    standIn.settle(failing.id, 'failed');
    expect((await verifiedEvents()).map((e) => e.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_failed']);
    expect(await stripe.checkout.sessions.retrieve(failing.id)).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
  });

  it('expires an open session (checkout.session.expired), and then its page is closed', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect((await stripe.checkout.sessions.expire(session.id)).status).toBe('expired');
    expect((await verifiedEvents()).map((e) => e.type)).toEqual(['checkout.session.expired']);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((await fetch(standIn.checkoutPageUrl(String(session.client_secret)))).status).toBe(404);
  });

  it('refunds a paid PaymentIntent (charge.refunded), and not twice', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await payOnPage(session, STAND_IN_PAYMENT_NUMBERS.succeeds);
    const pi = String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent);
    await expect(stripe.refunds.create({ payment_intent: pi, amount: 99_999 })).rejects.toMatchObject({ code: 'amount_too_large' });
    const refund = await stripe.refunds.create({ payment_intent: pi });
    expect(refund).toMatchObject({ amount: 13_000, status: 'succeeded', payment_intent: pi });
    const events = await verifiedEvents();
    expect(events.map((e) => e.type)).toEqual(['checkout.session.completed', 'charge.refunded']);
    expect(events[1]?.data.object).toMatchObject({ object: 'charge', refunded: true, amount_refunded: 13_000, payment_intent: pi });
    await expect(stripe.refunds.create({ payment_intent: pi })).rejects.toMatchObject({ code: 'charge_already_refunded' });
  });
});

describe('webhook signatures', () => {
  async function oneDelivery(): Promise<Received> {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await stripe.checkout.sessions.expire(session.id);
    await standIn.idle();
    expect(received).toHaveLength(1);
    return received[0] as Received;
  }

  it('a good one verifies; another studio’s secret or an altered body is refused', async () => {
    const { body, signature } = await oneDelivery();
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}/);
    expect(verifyWebhook(body, signature, A.webhookSecret).type).toBe('checkout.session.expired');
    expect(() => verifyWebhook(body, signature, B.webhookSecret)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(body.replace('expired', 'complete'), signature, A.webhookSecret)).toThrow(WebhookVerificationError);
  });

  it('the bad-signature switch is refused', async () => {
    standIn.setSwitches({ badSignature: true });
    const { body, signature } = await oneDelivery();
    expect(() => verifyWebhook(body, signature, A.webhookSecret)).toThrow(WebhookVerificationError);
  });

  it('the old-timestamp switch is refused (outside the 300 s tolerance)', async () => {
    standIn.setSwitches({ signedSecondsAgo: 301 });
    const { body, signature } = await oneDelivery();
    expect(() => verifyWebhook(body, signature, A.webhookSecret)).toThrow(/tolerance/);
  });
});

describe('delivery switches', () => {
  it('copies: 2 delivers each event twice; replay once more', async () => {
    standIn.setSwitches({ copies: 2 });
    const session = await stripe.checkout.sessions.create(sessionParams());
    await payOnPage(session, STAND_IN_PAYMENT_NUMBERS.succeeds);
    const events = await verifiedEvents();
    expect(events.map((e) => e.type)).toEqual(['checkout.session.completed', 'checkout.session.completed']);
    expect(events[0]?.id).toBe(events[1]?.id);
    standIn.setSwitches({ copies: 1 });
    await standIn.replay(String(events[0]?.id));
    expect((await verifiedEvents()).map((e) => e.id)).toEqual([events[0]?.id, events[0]?.id, events[0]?.id]);
  });

  it('hold and release reversed delivers out of order; delay delivers late', async () => {
    standIn.setSwitches({ hold: true });
    const session = await stripe.checkout.sessions.create(sessionParams());
    await payOnPage(session, STAND_IN_PAYMENT_NUMBERS.succeeds);
    await stripe.refunds.create({ payment_intent: String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent) });
    await standIn.idle();
    expect(received).toEqual([]);
    expect(standIn.held().map((e) => e.type)).toEqual(['checkout.session.completed', 'charge.refunded']);
    standIn.setSwitches({ hold: false });
    await standIn.release('reversed');
    expect((await verifiedEvents()).map((e) => e.type)).toEqual(['charge.refunded', 'checkout.session.completed']);

    received = [];
    standIn.setSwitches({ delayMs: 150 });
    const late = await stripe.checkout.sessions.create(sessionParams());
    const started = Date.now();
    await stripe.checkout.sessions.expire(late.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toEqual([]);
    await standIn.idle();
    expect(received).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('the same switches over the /_stand-in/ HTTP control path', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${standIn.url}/_stand-in/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('switches', { copies: 2 })).status).toBe(200);
    expect(standIn.switches.copies).toBe(2);
    const session = await stripe.checkout.sessions.create(sessionParams());
    await stripe.checkout.sessions.expire(session.id);
    await standIn.idle();
    const deliveries = (await (await fetch(`${standIn.url}/_stand-in/deliveries`)).json()) as { eventId: string; status: number }[];
    const last = deliveries.slice(-2);
    expect(last.map((d) => d.status)).toEqual([200, 200]);
    expect(last[0]?.eventId).toBe(last[1]?.eventId);
  });
});

describe("Stripe's form encoding", () => {
  it('expands bracketed keys into objects and arrays', () => {
    const parsed = parseStripeForm(
      'mode=payment&line_items[0][price_data][unit_amount]=100&line_items[1][quantity]=2&metadata[a%20b]=c%26d&expand[]=x&expand[]=y',
    );
    expect(parsed).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '100' } }, { quantity: '2' }],
      metadata: { 'a b': 'c&d' },
      expand: ['x', 'y'],
    });
    expect(() => parseStripeForm('__proto__[x]=1')).toThrow();
  });
});
