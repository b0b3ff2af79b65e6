// Sample bodies of files' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/files/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createFolder: () => ({ name: 'Brand assets', clientUploads: true }),
  updateFolder: () => ({ name: 'Brand assets (final)' }),
  createStudioFileUpload: (c) => ({
    folderId: c.folderId,
    fileName: 'logo-pack.zip',
    contentType: 'application/zip',
    size: 2048,
    shared: true,
  }),
  createFileVersion: () => ({ fileName: 'brief-v2.pdf', contentType: 'application/pdf', size: 4096 }),
  completeStudioFileUpload: () => ({}),
  updateFile: () => ({ name: 'Brief (signed off).pdf' }),
  createClientFileUpload: (c) => ({ folderId: c.folderId, fileName: 'our-logo.png', contentType: 'image/png', size: 1024 }),
  completeClientFileUpload: () => ({}),
};
