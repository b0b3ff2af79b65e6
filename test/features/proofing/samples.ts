// Sample bodies of proofing's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/proofing/routes.ts';
import { cursors } from '../../support/cursors.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  setFavourite: () => ({ favourite: true }),
  setSelection: () => ({ selected: true }),
  addComment: (c) => ({ text: 'Sample reply', parentId: c.imageCommentId }),
  reopenImageComment: () => ({ resolved: false }),
  addStudioImageComment: (c) => ({ text: 'Sample studio reply', parentId: c.imageCommentId }),
  resolveStudioImageComment: () => ({ resolved: true }),
};

/** A small page after a record of the list, so the cursor's path through the route is exercised too. */
export const queries: SampleQueries<typeof routes> = {
  listComments: (c) => ({ limit: '2', cursor: cursors.comments(c.galleryId, c.imageId) }),
  listStudioGalleryComments: (c) => ({ limit: '2', cursor: cursors.galleryComments(c.galleryId) }),
  listSubmissions: (c) => ({ limit: '2', cursor: cursors.submissions(c.galleryId, c.submissionId) }),
};
