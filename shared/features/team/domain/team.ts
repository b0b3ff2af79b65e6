// A studio's team: listing it, changing a role, removing someone. Reading the team is every
// member's; invitations are an admin's to see (they hold emails not yet in the team).
import { deleteUserIfPresent, signOutEverywhere } from '../../../adapters/identity.ts';
import { conflict, notFound } from '../../../errors.ts';
import { disconnectPerson } from '../../live/index.ts';
import { userPerson } from '../../people/index.ts';
import { getStudioUser, listStudioUsers, type Role, roleAtLeast, type Studio, type StudioUser } from '../../studios/index.ts';
import { deleteStudioUser, listInvitations, putTeamMember, type TeamWriteOutcome, writeRole } from '../data.ts';
import type { TeamInvitation } from '../records.ts';
import type { TeamInvitationView, TeamMember } from '../schemas.ts';
import { lastOwnerMessage } from './rules.ts';

export const teamMemberView = (user: StudioUser): TeamMember => ({
  userId: user.userId,
  email: user.email,
  name: user.name,
  role: user.role,
});

export const invitationView = (invitation: TeamInvitation): TeamInvitationView => ({
  inviteId: invitation.inviteId,
  email: invitation.email,
  name: invitation.name,
  role: invitation.role,
  sentAt: invitation.sentAt,
  expiresAt: new Date(invitation.expiresAt * 1000).toISOString(),
});

const ORDER: Record<Role, number> = { owner: 0, admin: 1, member: 2 };

export async function listTeam(studio: Studio, viewer: StudioUser) {
  const [users, invitations] = await Promise.all([
    listStudioUsers(studio.studioId),
    roleAtLeast(viewer.role, 'admin') ? listInvitations(studio.studioId) : Promise.resolve([]),
  ]);
  users.sort((a, b) => ORDER[a.role] - ORDER[b.role] || a.name.localeCompare(b.name));
  invitations.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  return { members: users.map(teamMemberView), invitations: invitations.map(invitationView) };
}

/** The studio's own team member, or 404: another studio's user does not exist for it. */
async function memberOf(studio: Studio, userId: string): Promise<StudioUser> {
  const user = await getStudioUser(userId);
  if (!user || user.studioId !== studio.studioId) throw notFound('No such team member.');
  return user;
}

function refuse(outcome: TeamWriteOutcome): void {
  if (outcome === 'last_owner') throw conflict('last_owner', lastOwnerMessage);
  if (outcome === 'changed') throw conflict('member_changed', 'This team member changed a moment ago. Reload the page and try again.');
}

export async function changeTeamRole(studio: Studio, userId: string, role: Role): Promise<TeamMember> {
  const user = await memberOf(studio, userId);
  if (user.role === role) return teamMemberView(user);
  refuse(await writeRole(user, role));
  return teamMemberView({ ...user, role });
}

/**
 * Removes someone from the team. Their studio user goes first (with the owner count, so the last
 * owner stays): from that moment every token they hold is refused (no studio user) and their open
 * sockets are closed. Then Cognito
 * revokes their refresh tokens and forgets the account, so the email can be invited again.
 */
export async function removeTeamMember(studio: Studio, userId: string): Promise<void> {
  const user = await memberOf(studio, userId);
  refuse(await deleteStudioUser(user));
  // Their open pages hear a goodbye and lose their sockets: nothing live reaches them any more.
  await disconnectPerson(studio.studioId, userPerson(user.userId), 'removed_from_team');
  await signOutEverywhere('studio', user.email);
  await deleteUserIfPresent('studio', user.email);
}

/**
 * Adds someone to the team without an invitation: for the operator's tools (the demo seed), whose
 * Cognito user exists already. The API adds people only by invitation.
 */
export async function addTeamMember(studio: Studio, user: Omit<StudioUser, 'studioId'>): Promise<StudioUser> {
  const member: StudioUser = { ...user, studioId: studio.studioId };
  await putTeamMember(member);
  return member;
}
