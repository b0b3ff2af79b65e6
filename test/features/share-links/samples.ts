// Sample bodies of share-links's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/share-links/routes.ts';
import { cursors } from '../../support/cursors.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createShareLink: () => ({ access: 'view' }),
  openSharedGallery: (c) => ({ token: c.shareToken }),
  downloadSharedImage: (c) => ({ token: c.shareToken, imageId: c.imageId }),
};

/** A small page after a record of the list, so the cursor's path through the route is exercised too. */
export const queries: SampleQueries<typeof routes> = {
  listShareLinks: (c) => ({ limit: '2', cursor: cursors.shareLinks(c.galleryId, c.linkId) }),
  getGalleryActivity: (c) => ({ limit: '2', cursor: cursors.activity(c.galleryId, c.clientId) }),
};
