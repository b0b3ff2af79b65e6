// Sample bodies of galleries's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/galleries/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createGallery: (c) => ({ clientId: c.clientId, title: 'Sample gallery' }),
  updateGallery: (c) => ({ title: 'Sample title', coverImageId: c.imageId }),
};
