// Sample bodies and queries of feedback's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/feedback/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  sendFeedback: () => ({ message: 'The proofs look great — could we see the second set in colour?' }),
  submitProjectFeedback: () => ({
    subject: 'Logo feels heavy on mobile',
    message: 'On my phone the mark crowds the menu.',
    category: 'design',
  }),
  // Revision 1 is the task as submitted: an outsider's write names it, and must still change nothing.
  triageFeedback: () => ({ revision: 1, state: 'accepted', dueDate: '2099-06-30' }),
  addFeedbackNote: () => ({ text: 'Checked on an iPhone SE: the client is right.' }),
  startFeedbackAttachment: () => ({ fileName: 'menu-on-phone.png', contentType: 'image/png', size: 2048 }),
};

export const queries: SampleQueries<typeof routes> = {
  listFeedback: () => ({ limit: '2' }),
  listProjectFeedback: () => ({ state: 'new' }),
  listInbox: () => ({ sort: 'due' }),
};
