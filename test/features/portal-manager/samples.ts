// Sample queries of portal-manager's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/portal-manager/routes.ts';
import { cursors } from '../../support/cursors.ts';
import type { SampleQueries } from '../../support/sample-context.ts';

/** The preview pages as the client's own list does, so the cursor's path through it is exercised too. */
export const queries: SampleQueries<typeof routes> = {
  previewClientGalleries: (c) => ({ limit: '2', cursor: cursors.clientGalleries(c.studioId, c.clientId, c.galleryId) }),
};
