import { getClientDeliverable } from '../../shared/features/deliverables/domain/review.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getClientDeliverable, async ({ params, clientSession }) => ({
  body: await getClientDeliverable(clientSession, params.projectId, params.deliverableId),
}));
