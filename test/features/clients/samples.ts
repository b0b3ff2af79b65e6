// Sample bodies of clients's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/clients/routes.ts';
import { cursors } from '../../support/cursors.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  inviteClient: (c) => ({ email: c.clientEmail, name: 'Sample Client' }),
  updateClientAccess: () => ({ accessExpiresAt: null }),
};

/** A small page after a record of the list, so the cursor's path through the route is exercised too. */
export const queries: SampleQueries<typeof routes> = {
  listClients: (c) => ({ limit: '2', cursor: cursors.clients(c.studioId, c.clientId) }),
};
