import { listClientDeliverables } from '../../shared/features/deliverables/domain/review.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listClientDeliverables, async ({ params, clientSession }) => ({
  body: { deliverables: await listClientDeliverables(clientSession, params.projectId) },
}));
