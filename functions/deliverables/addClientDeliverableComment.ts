import { addClientComment } from '../../shared/features/deliverables/domain/threads.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.addClientDeliverableComment, async ({ params, body, clientSession }) => ({
  body: { comment: await addClientComment(clientSession, params.projectId, params.deliverableId, Number(params.version), body) },
}));
