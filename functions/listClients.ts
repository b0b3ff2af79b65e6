import { listClients, summarize } from '../shared/domain/clients.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.listClients, async ({ studioSession: { studio } }) => ({
  body: { clients: (await listClients(studio.studioId)).map((c) => summarize(c)) },
}));
