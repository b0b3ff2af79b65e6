import { getStudioDeliverable } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getStudioDeliverable, async ({ params, studioSession }) => ({
  body: await getStudioDeliverable(studioSession, params.projectId, params.deliverableId),
}));
