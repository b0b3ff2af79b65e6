// Sample bodies and queries of projects' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/projects/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  createProject: (c) => ({
    title: 'Brand refresh',
    contactIds: [c.clientId],
    leadId: c.ownerUserId,
    status: 'planning',
    startDate: '2026-01-05',
    dueDate: '2026-03-31',
    milestones: [{ title: 'Discovery', dueDate: '2026-01-20', weight: 2 }],
  }),
  updateProject: () => ({ status: 'in_progress', summary: 'Concepts are under way.' }),
  addMilestone: () => ({ title: 'Final files', dueDate: '2026-03-20' }),
  updateMilestone: () => ({ done: true }),
};

export const queries: SampleQueries<typeof routes> = {
  listProjects: () => ({ limit: '2' }),
};
