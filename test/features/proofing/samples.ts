// Sample bodies of proofing's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/proofing/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  setFavourite: () => ({ favourite: true }),
  setSelection: () => ({ selected: true }),
  addComment: () => ({ text: 'Sample comment' }),
};
