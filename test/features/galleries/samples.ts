// Sample bodies of galleries's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/galleries/routes.ts';
import { cursors } from '../../support/cursors.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createGallery: (c) => ({ clientId: c.clientId, projectId: c.projectId, title: 'Sample gallery' }),
  updateGallery: (c) => ({ title: 'Sample title', coverImageId: c.imageId }),
};

/** A small page after a record of the list, so the cursor's path through the route is exercised too. */
export const queries: SampleQueries<typeof routes> = {
  listStudioGalleries: (c) => ({ limit: '2', cursor: cursors.studioGalleries(c.studioId, c.galleryId) }),
  listClientGalleries: (c) => ({ limit: '2', cursor: cursors.clientGalleries(c.studioId, c.clientId, c.galleryId) }),
};
