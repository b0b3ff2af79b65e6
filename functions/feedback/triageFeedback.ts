import { triageTask } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.triageFeedback, async ({ params, body, studioSession }) => ({
  body: { feedback: await triageTask(studioSession, params.projectId, params.feedbackId, body) },
}));
