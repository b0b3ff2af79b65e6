import { revokeAccess, summarize } from '../../shared/features/clients/domain/clients.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { disconnectPerson } from '../../shared/features/live/index.ts';
import { clientPerson } from '../../shared/features/people/index.ts';
import { defineHandler } from '../../shared/http/handler.ts';

// The client's open pages are closed here rather than in the clients domain, which live (through
// people) depends on: revoked, they hear a goodbye and receive nothing more.
export const handler = defineHandler(routes.revokeClientAccess, async ({ params, studioSession: { studio } }) => {
  const client = await revokeAccess(studio.studioId, params.clientId);
  await disconnectPerson(studio.studioId, clientPerson(client.clientId), 'access_revoked');
  return { body: { client: summarize(client) } };
});
