import { setAccessExpiry, summarize } from '../../shared/features/clients/domain/clients.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateClientAccess, async ({ params, body, studioSession: { studio } }) => ({
  body: { client: summarize(await setAccessExpiry(studio.studioId, params.clientId, body.accessExpiresAt)) },
}));
