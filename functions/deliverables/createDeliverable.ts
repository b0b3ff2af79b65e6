import { createDeliverable } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createDeliverable, async ({ params, body, studioSession }) => ({
  body: { deliverable: await createDeliverable(studioSession, params.projectId, body) },
}));
