import { clientDownload } from '../../shared/features/deliverables/domain/review.ts';
import { routes } from '../../shared/features/deliverables/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadClientDeliverable, async ({ params, clientSession }) => ({
  body: await clientDownload(clientSession, params.projectId, params.deliverableId, Number(params.version)),
}));
