import { sendFeedback } from '../../shared/features/feedback/domain/feedback.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.sendFeedback, async ({ body, clientSession: { client, studio } }) => ({
  body: { feedback: await sendFeedback(studio, client, body.message) },
}));
