import { addStudioComment } from '../../shared/features/deliverables/domain/threads.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.addStudioDeliverableComment, async ({ params, body, studioSession }) => ({
  body: { comment: await addStudioComment(studioSession, params.projectId, params.deliverableId, Number(params.version), body) },
}));
