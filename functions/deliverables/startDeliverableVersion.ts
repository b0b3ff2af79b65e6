import { startVersion } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.startDeliverableVersion, async ({ params, body, studioSession }) => ({
  body: await startVersion(studioSession, params.projectId, params.deliverableId, body),
}));
