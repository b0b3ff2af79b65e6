// Stripe's webhooks for one studio's account. Refused with 400 (and nothing changed) unless the
// `Stripe-Signature` verifies with the studio's signing secret within five minutes; a replay of an
// event already handled is acknowledged and ignored; anything else is settled by re-reading Stripe
// (fulfil.ts), so the event's own copy of the object, and the order events came in, never matter.
import type Stripe from 'stripe';
import { verifyWebhook, WebhookVerificationError } from '../../../adapters/stripe.ts';
import { invalid } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import { getStudio } from '../../studios/index.ts';
import type { StripeWebhookEvent } from '../constants.ts';
import { eventSeen, recordEvent } from '../data.ts';
import { fulfilIntent, fulfilSession } from './fulfil.ts';
import { stripeKeysOf } from './settings.ts';

const refused = () => invalid('webhook_refused', 'The webhook could not be verified.');

/** Stripe says "no such object" for another account's ids: nothing of this studio's to settle. */
const notThisAccount = (e: unknown) => (e as { type?: string; statusCode?: number }).statusCode === 404;

async function act(studioId: string, event: Stripe.Event, keys: NonNullable<Awaited<ReturnType<typeof stripeKeysOf>>>) {
  const studio = await getStudio(studioId);
  if (!studio) return;
  const type = event.type as StripeWebhookEvent;
  try {
    switch (type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired':
        await fulfilSession(studio, keys, (event.data.object as { id: string }).id);
        return;
      case 'charge.refunded': {
        const intent = (event.data.object as Stripe.Charge).payment_intent;
        if (intent) await fulfilIntent(studio, keys, typeof intent === 'string' ? intent : intent.id);
        return;
      }
      default:
        // An event the endpoint was not set up for: acknowledged, so Stripe stops sending it.
        return;
    }
  } catch (e) {
    if (notThisAccount(e)) {
      logger.warn('A webhook named an object this studio cannot read', { studioId, eventId: event.id });
      return;
    }
    throw e;
  }
}

export async function receiveWebhook(studioId: string, rawBody: string, signature: string | undefined): Promise<{ duplicate: boolean }> {
  const keys = await stripeKeysOf(studioId);
  if (!keys || !signature) throw refused();
  let event: Stripe.Event;
  try {
    event = verifyWebhook(rawBody, signature, keys.webhookSecret);
  } catch (e) {
    if (e instanceof WebhookVerificationError) throw refused();
    throw e;
  }
  if (await eventSeen(studioId, event.id)) return { duplicate: true };
  await act(studioId, event, keys);
  // Recorded once acted on: a failure before here leaves it unrecorded, so Stripe's retry acts again.
  return { duplicate: !(await recordEvent(studioId, event.id, event.type, new Date().toISOString())) };
}
