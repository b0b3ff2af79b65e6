// Sample bodies of the team's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/team/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  // An address of nobody's (no marker of any tenant): an invitation always goes into the caller's own team.
  inviteTeamMember: () => ({ email: 'sample-teammate@example.com', name: 'Sample Teammate', role: 'member' }),
  changeTeamRole: () => ({ role: 'admin' }),
  acceptTeamInvitation: (c) => ({ token: c.inviteToken, name: 'Sample Teammate', password: c.studioPassword }),
};
