import { listClients, summarize } from '../../shared/features/clients/domain/clients.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listClients, async ({ studioSession: { studio } }) => ({
  body: { clients: (await listClients(studio.studioId)).map((c) => summarize(c)) },
}));
