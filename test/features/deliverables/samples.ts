// Sample bodies of deliverables' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/deliverables/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createDeliverable: () => ({ title: 'Logo concepts', description: 'Three directions for the mark.', dueDate: '2099-01-31' }),
  updateDeliverable: () => ({ description: 'Two directions, refined.' }),
  startDeliverableVersion: () => ({ fileName: 'concepts.pdf', contentType: 'application/pdf', size: 1024 }),
  completeDeliverableVersion: () => ({}),
  sendDeliverableVersion: () => ({ message: 'Here is the next round.' }),
  addStudioDeliverableComment: (c) => ({ text: 'We tightened the kerning here.', parentId: c.deliverableCommentId }),
  resolveDeliverableComment: () => ({ resolved: true }),
  decideDeliverable: () => ({ decision: 'request_changes', note: 'Make the mark bolder.' }),
  addClientDeliverableComment: () => ({ text: 'Could this be darker?', pin: { kind: 'point', x: 0.5, y: 0.25, page: 1 } }),
  reopenClientDeliverableComment: () => ({ resolved: false }),
};
