import { listDeliverables } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listDeliverables, async ({ params, studioSession }) => ({
  body: { deliverables: await listDeliverables(studioSession, params.projectId) },
}));
