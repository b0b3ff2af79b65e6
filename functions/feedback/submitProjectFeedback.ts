import { submitProjectFeedback } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.submitProjectFeedback, async ({ params, body, clientSession }) => ({
  body: { feedback: await submitProjectFeedback(clientSession, params.projectId, body) },
}));
