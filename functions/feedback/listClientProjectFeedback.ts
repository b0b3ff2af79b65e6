import { listClientFeedback } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listClientProjectFeedback, async ({ params, clientSession }) => ({
  body: { feedback: await listClientFeedback(clientSession, params.projectId) },
}));
