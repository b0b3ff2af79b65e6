// Sample bodies and queries of conversations' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/conversations/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  sendStudioMessage: () => ({ text: 'The new palette is in the Files tab.' }),
  editStudioMessage: () => ({ text: 'The new palette is in the Files tab (v2).' }),
  markStudioThreadSeen: () => ({ seq: 1 }),
  createStudioMessageAttachment: () => ({ fileName: 'palette.png', contentType: 'image/png', size: 2048 }),
  sendClientMessage: () => ({ text: 'Thanks, looking now.' }),
  editClientMessage: () => ({ text: 'Thanks, looking at it now.' }),
  markClientThreadSeen: () => ({ seq: 1 }),
  createClientMessageAttachment: () => ({ fileName: 'our-notes.pdf', contentType: 'application/pdf', size: 4096 }),
};

export const queries: SampleQueries<typeof routes> = {
  listStudioThread: () => ({ before: '100' }),
  listClientThread: () => ({ after: '0' }),
};
