// The team's wire types and how each role is shown, shared by the Team page's parts.
import type { Role } from '../../../../shared/features/studios/constants.ts';
import type { BadgeTone } from '../../components/ui/Badge.tsx';
import type { Ok } from '../../lib/types.ts';

export type Team = Ok<'listTeam'>;
export type Member = Team['members'][number];
export type Invitation = Team['invitations'][number];

export const ROLE_TONE: Record<Role, BadgeTone> = { owner: 'accent', admin: 'info', member: 'neutral' };
