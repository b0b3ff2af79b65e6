import { listClients, summarize } from '../../shared/features/clients/domain/clients.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listClients, async ({ query, studioSession: { studio } }) => {
  const page = await listClients(studio.studioId, pageRequest(query));
  return { body: { clients: page.items.map((c) => summarize(c)), nextCursor: page.nextCursor } };
});
