// Sample bodies of proofing's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/proofing/routes.ts';
import { cursors } from '../../support/cursors.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  setFavourite: () => ({ favourite: true }),
  setSelection: () => ({ selected: true }),
  addComment: () => ({ text: 'Sample comment' }),
};

/** A small page after a record of the list, so the cursor's path through the route is exercised too. */
export const queries: SampleQueries<typeof routes> = {
  listComments: (c) => ({ limit: '2', cursor: cursors.comments(c.galleryId, c.imageId) }),
  listSubmissions: (c) => ({ limit: '2', cursor: cursors.submissions(c.galleryId, c.submissionId) }),
};
