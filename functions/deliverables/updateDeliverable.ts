import { updateDeliverable } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateDeliverable, async ({ params, body, studioSession }) => ({
  body: { deliverable: await updateDeliverable(studioSession, params.projectId, params.deliverableId, body) },
}));
