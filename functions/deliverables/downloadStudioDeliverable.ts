import { studioDownload } from '../../shared/features/deliverables/domain/deliverables.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadStudioDeliverable, async ({ params, studioSession }) => ({
  body: await studioDownload(studioSession, params.projectId, params.deliverableId, Number(params.version)),
}));
