// What the team routes take and answer.
import * as z from 'zod/mini';
import { Email, NameText, named, Uuid } from '../../schemas.ts';
import { Password } from '../auth/index.ts';
import { ROLES } from '../studios/index.ts';
import { TEAM_NAME_MAX } from './constants.ts';

export const TeamMember = named(z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) }), 'TeamMember');
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamInvitationView = named(
  z.object({
    inviteId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    sentAt: z.string(),
    expiresAt: z.string(),
  }),
  'TeamInvitation',
);
export type TeamInvitationView = z.infer<typeof TeamInvitationView>;

export const InviteTeamMemberBody = z.strictObject({ email: Email, name: NameText(1, TEAM_NAME_MAX), role: z.enum(ROLES) });
export const ChangeTeamRoleBody = z.strictObject({ role: z.enum(ROLES) });
export const InvitationParams = z.strictObject({ inviteId: Uuid });
/** A studio user's id is their Cognito `sub` (a UUID). */
export const MemberParams = z.strictObject({ userId: Uuid });

export const AcceptTeamInvitationBody = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid invitation link' })),
  name: NameText(1, TEAM_NAME_MAX),
  password: Password,
});
