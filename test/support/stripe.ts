// The local stack's Stripe stand-in (local/stripe-stand-in.ts), as a stack test reaches it: it runs
// inside the portal's process (test/support/global-stack.ts starts `local/start.ts`), so tests drive
// it over its HTTP switches (/_stand-in/…) rather than in process. The handlers' Stripe SDK already
// talks to it (STRIPE_API_BASE, in the workers' environment too, so domain code called from a test
// does as well). Delayed (SEPA) payments settle only on `settle()` in the test suite.
import { inject } from 'vitest';
import type { Delivery, DeliverySwitches, StandInAccountInput } from '../../local/stripe-stand-in.ts';

export { STAND_IN_PAYMENT_NUMBERS } from '../../local/stripe-stand-in.ts';

type StripeEvent = Record<string, unknown> & { id: string; type: string };

/** The defaults every test starts from (and should put back). */
export const DEFAULT_SWITCHES: DeliverySwitches = { copies: 1, delayMs: 0, hold: false, badSignature: false, signedSecondsAgo: 0 };

/**
 * Where the stand-in sends a studio's webhooks so that they reach `receiveStripeWebhook` through the
 * local front door: the dashboard host (the route is `host: 'any'`), no Origin header, no cookie.
 */
export const stripeWebhookUrl = (studioId: string, port = inject('porticoPort')): string =>
  `http://localhost:${port}/api/webhooks/stripe/${encodeURIComponent(studioId)}`;

export interface StandInControl {
  /** STRIPE_API_BASE: the stand-in's own origin. */
  readonly url: string;
  /** Registers a Stripe account (its secret key, webhook secret and URL); answers its `acct_…` id. */
  addAccount(input: StandInAccountInput): Promise<{ id: string }>;
  switches(): Promise<DeliverySwitches>;
  setSwitches(changes: Partial<DeliverySwitches>): Promise<DeliverySwitches>;
  /** Puts every switch back to DEFAULT_SWITCHES. */
  resetSwitches(): Promise<DeliverySwitches>;
  /** Sends the held events: as they happened, reversed, or by the given event ids. */
  release(order?: 'as-happened' | 'reversed' | string[]): Promise<void>;
  /** Every event so far, and the ids of those held. */
  events(): Promise<{ events: StripeEvent[]; held: string[] }>;
  deliveries(): Promise<Delivery[]>;
  replay(eventId: string): Promise<void>;
  /** Ends a delayed (SEPA) payment: its async_payment_succeeded or _failed event is sent. */
  settle(sessionId: string, outcome: 'succeeded' | 'failed'): Promise<void>;
  /** The page the portal frames for a session, from its client secret (as Stripe.js takes it). */
  checkoutPageUrl(clientSecret: string): string;
  /** What the checkout page's Pay button does: answers the page's HTTP status (200 paid or processing, 402 declined). */
  pay(clientSecret: string, paymentNumber: string, email?: string): Promise<number>;
}

/** The local stack's stand-in (the URL global-stack.ts provides). */
export function stripeStandIn(url = inject('stripeStandInUrl')): StandInControl {
  const control = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/_stand-in/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Stripe stand-in ${method} /_stand-in/${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const sessionOf = (clientSecret: string) => clientSecret.split('_secret_')[0] ?? '';
  return {
    url,
    addAccount: (input) => control('POST', 'accounts', input),
    switches: () => control('GET', 'switches'),
    setSwitches: (changes) => control('POST', 'switches', changes),
    resetSwitches: () => control('POST', 'switches', DEFAULT_SWITCHES),
    release: async (order) => void (await control('POST', 'release', { order })),
    events: () => control('GET', 'events'),
    deliveries: () => control('GET', 'deliveries'),
    replay: async (eventId) => void (await control('POST', `events/${encodeURIComponent(eventId)}/replay`)),
    settle: async (sessionId, outcome) => void (await control('POST', `sessions/${encodeURIComponent(sessionId)}/settle`, { outcome })),
    checkoutPageUrl: (clientSecret) => `${url}/checkout/${sessionOf(clientSecret)}?client_secret=${encodeURIComponent(clientSecret)}`,
    async pay(clientSecret, paymentNumber, email) {
      const form = new URLSearchParams({ client_secret: clientSecret, number: paymentNumber, ...(email ? { email } : {}) });
      const res = await fetch(`${url}/checkout/${sessionOf(clientSecret)}/pay`, { method: 'POST', body: form });
      await res.text();
      return res.status;
    },
  };
}
