// Sample bodies and queries of feedback's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/feedback/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  sendFeedback: () => ({ message: 'The proofs look great — could we see the second set in colour?' }),
};

export const queries: SampleQueries<typeof routes> = {
  listFeedback: () => ({ limit: '2' }),
};
