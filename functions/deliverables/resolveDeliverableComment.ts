import { resolveComment } from '../../shared/features/deliverables/domain/threads.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.resolveDeliverableComment, async ({ params, body, studioSession }) => ({
  body: {
    comment: await resolveComment(
      studioSession,
      params.projectId,
      params.deliverableId,
      Number(params.version),
      params.deliverableCommentId,
      body.resolved,
    ),
  },
}));
