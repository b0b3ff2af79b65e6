// The local stack's Stripe stand-in, as the invoices' tests reach it (test/support/stripe.ts): the
// handlers and this worker point at it (STRIPE_API_BASE), it answers in Stripe's shapes, its webhooks
// reach the portal's webhook route through the local front door, and the portal may frame its page.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { stripeClient } from '../../shared/adapters/stripe.ts';
import { Browser, portal } from '../support/http.ts';
import { STAND_IN_PAYMENT_NUMBERS, stripeStandIn, stripeWebhookUrl } from '../support/stripe.ts';

const standIn = stripeStandIn();
afterEach(() => standIn.resetSwitches());

describe('the Stripe stand-in of the local stack', () => {
  it('is where the Stripe SDK goes, here and in the handlers, and answers with Stripe’s 401 for an unknown key', async () => {
    expect(process.env.STRIPE_API_BASE).toBe(standIn.url);
    const res = await fetch(`${standIn.url}/v1/account`, { headers: { authorization: 'Bearer sk_test_nobody_0123456789' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'api_key_invalid' } });
  });

  it("sends an account's events to the portal's webhook route, signed, with no Origin needed", async () => {
    const key = `sk_test_${randomUUID().replaceAll('-', '')}`;
    await standIn.addAccount({
      secretKey: key,
      webhookSecret: `whsec_${randomUUID()}`,
      name: 'Stand-in stack test',
      currency: 'EUR',
      webhookUrl: stripeWebhookUrl(randomUUID()),
    });
    const stripe = stripeClient(key);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded_page',
      return_url: `http://${portal(DEMO.studio.slug)}/invoices/return?session_id={CHECKOUT_SESSION_ID}`,
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 4_200, product_data: { name: 'Invoice 1' } } }],
    });
    expect(await standIn.pay(String(session.client_secret), STAND_IN_PAYMENT_NUMBERS.declined)).toBe(402);
    await stripe.checkout.sessions.expire(session.id);
    let deliveries = await standIn.deliveries();
    for (let i = 0; i < 50 && !deliveries.some((d) => d.eventId && d.type === 'checkout.session.expired'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = await standIn.deliveries();
    }
    const expired = deliveries.find((d) => d.type === 'checkout.session.expired');
    // Answered by the portal (whatever the handler decides of an unknown studio): it was reached.
    expect(expired).toMatchObject({ signature: 'valid' });
    expect(expired?.status).toBeGreaterThan(0);
  });

  it("lets the portal's pages frame the stand-in's checkout page", async () => {
    const answer = await new Browser().call(portal(DEMO.studio.slug), 'GET', '/');
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toMatch(new RegExp(`frame-src [^;]*${new URL(standIn.url).origin.replaceAll('.', '\\.')}`));
  });
});
