// Stripe's webhooks: the raw body, exactly as sent, is what the signature is over.
import { receiveWebhook } from '../../shared/features/invoices/domain/webhook.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { definePublicHandler } from '../../shared/http/public-handler.ts';

export const handler = definePublicHandler(routes.receiveStripeWebhook, async ({ params, event }) => {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const { duplicate } = await receiveWebhook(params.studioId, raw, event.headers['stripe-signature']);
  return { body: { received: true as const, duplicate } };
});
