// Sample bodies of share-links's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/share-links/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createShareLink: () => ({ access: 'view' }),
  openSharedGallery: (c) => ({ token: c.shareToken }),
  downloadSharedImage: (c) => ({ token: c.shareToken, imageId: c.imageId }),
};
