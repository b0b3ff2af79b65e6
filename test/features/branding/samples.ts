// Sample bodies of branding's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/branding/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  updateBranding: () => ({ name: 'Sample Studio', accentColor: '#1f4e79', supportEmail: 'help@example.com' }),
  createLogoUpload: () => ({ contentType: 'image/png', size: 2048 }),
};
