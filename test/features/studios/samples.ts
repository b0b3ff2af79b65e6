// Sample bodies of studios's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/studios/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  setStudioPlan: () => ({ plan: 'scale', addOns: ['education'] }),
};

export const queries: SampleQueries<typeof routes> = {
  listStudiosForOperator: () => ({ limit: '2' }),
};
