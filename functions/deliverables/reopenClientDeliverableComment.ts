import { reopenClientComment } from '../../shared/features/deliverables/domain/threads.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.reopenClientDeliverableComment, async ({ params, body, clientSession }) => ({
  body: {
    comment: await reopenClientComment(
      clientSession,
      params.projectId,
      params.deliverableId,
      Number(params.version),
      params.deliverableCommentId,
      body.resolved,
    ),
  },
}));
