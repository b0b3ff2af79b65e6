// Sample bodies of domains's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/domains/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  // One host for every tenant: whoever claims it first holds it, the others get a 409.
  addDomain: () => ({ host: 'portal.sample-studio.example.com' }),
};
