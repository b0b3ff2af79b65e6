// The Stripe SDK, one client per studio's secret key (each studio connects its own Stripe account).
// STRIPE_API_BASE points it at the local Stripe stand-in (local/stripe-stand-in.ts) through the
// SDK's own host, port and protocol options, so the same code runs locally and against Stripe.
import Stripe from 'stripe';
import { config } from '../config.ts';

/** Stripe's own default: a signed event older than five minutes may be a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** A webhook refused: bad or missing signature, a timestamp outside the tolerance, or a malformed body. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

export function stripeClient(secretKey: string): Stripe {
  return new Stripe(secretKey, {
    // Retries are safe: the SDK sends its own Idempotency-Key on a POST it retries (ours win when given).
    maxNetworkRetries: 2,
    // A request answers a person waiting in the portal: fail within the API's patience, not the SDK's 80 s.
    timeout: 10_000,
    ...apiBaseOptions(config.stripeApiBase),
  });
}

function apiBaseOptions(base: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/**
 * The event a webhook request carries, once its `Stripe-Signature` proves it came from the account
 * with this signing secret within the tolerance. `rawBody` must be the bytes as received: any
 * re-serialisation breaks the signature.
 */
export function verifyWebhook(rawBody: string, signatureHeader: string, secret: string): Stripe.Event {
  try {
    return Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret, WEBHOOK_TOLERANCE_SECONDS);
  } catch (e) {
    // A signature that verifies over a body that is not JSON is refused the same way.
    throw new WebhookVerificationError(e instanceof Error ? e.message : String(e), { cause: e });
  }
}
