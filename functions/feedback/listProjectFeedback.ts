import { listProjectTasks } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listProjectFeedback, async ({ params, query, studioSession }) => ({
  body: await listProjectTasks(studioSession, params.projectId, query.state),
}));
