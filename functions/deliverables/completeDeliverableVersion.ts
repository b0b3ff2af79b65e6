import { completeVersion } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.completeDeliverableVersion, async ({ params, body, studioSession }) => ({
  body: { deliverable: await completeVersion(studioSession, params.projectId, params.deliverableId, Number(params.version), body.parts) },
}));
