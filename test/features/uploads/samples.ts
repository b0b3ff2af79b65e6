// Sample bodies of uploads's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/uploads/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createUpload: () => ({ files: [{ fileName: 'sample.jpg', contentType: 'image/jpeg', size: 1000 }] }),
  completeUpload: () => ({ uploadId: 'sample-upload', parts: [{ partNumber: 1, etag: '"0123456789abcdef"' }] }),
};
