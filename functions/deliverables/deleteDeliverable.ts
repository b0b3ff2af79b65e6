import { deleteDeliverable } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.deleteDeliverable, async ({ params, studioSession }) => {
  await deleteDeliverable(studioSession, params.projectId, params.deliverableId);
  return {};
});
