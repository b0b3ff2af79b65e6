import { revokeAccess, summarize } from '../../shared/features/clients/domain/clients.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.revokeClientAccess, async ({ params, studioSession: { studio } }) => ({
  body: { client: summarize(await revokeAccess(studio.studioId, params.clientId)) },
}));
