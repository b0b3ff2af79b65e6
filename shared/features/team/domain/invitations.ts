// Team invitations: sending one (and again), revoking one, and accepting one. A link is 32 random
// bytes mailed to the invitee and stored only as its SHA-256 hash, works once, and expires after
// TEAM_INVITATION_DAYS; accepting creates the studio user the way sign-up does (a Cognito user
// named by the email, with the password the invitee chose) and signs them in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createUser, deleteUser, type SessionTokens, signInWithPassword, UserExistsError } from '../../../adapters/identity.ts';
import { sendMail } from '../../../adapters/mail.ts';
import { config, dashboardUrl, limits } from '../../../config.ts';
import { consume } from '../../../data/rate-limit.ts';
import { conflict, notFound } from '../../../errors.ts';
import { getStudio, listStudioUsers, type Studio, type StudioUser } from '../../studios/index.ts';
import {
  deleteInvitation,
  deleteInvitationLink,
  getInvitation,
  joinStudio,
  listInvitations,
  putInvitation,
  releaseInvitationLink,
  replaceInvitationLink,
  useInvitationLink,
} from '../data.ts';
import type { TeamInvitation } from '../records.ts';
import { teamInvitationEmail } from './emails.ts';
import { assertMayGrant, refuseInvitationLink } from './rules.ts';
import { invitationView } from './team.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Each send (a first one or a resend) counts: the mail goes to any address the admin types. */
const sendLimit = () => ({
  bucket: 'team-invites',
  max: limits.teamInvitesPerDay,
  windowSeconds: 86_400,
  message: 'Your studio has sent as many team invitations as it may today. Please try again tomorrow.',
});

/** A fresh link: the token for the mail, its hash and expiry for the records. */
function freshLink(now: number) {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), expiresAt: Math.floor(now / 1000) + config.teamInvitationDays * 86_400 };
}

async function mailInvitation(studio: Studio, inviter: StudioUser, invitation: TeamInvitation, token: string): Promise<void> {
  // The token travels in the fragment, so it never reaches a server log.
  const link = `${dashboardUrl()}/join#token=${token}`;
  await sendMail({
    to: invitation.email,
    fromName: studio.name,
    replyTo: inviter.email,
    ...teamInvitationEmail(studio, inviter.name, invitation, link, config.teamInvitationDays),
  });
}

export async function inviteTeamMember(
  studio: Studio,
  inviter: StudioUser,
  input: { email: string; name: string; role: StudioUser['role'] },
  now = Date.now(),
) {
  assertMayGrant(inviter.role, input.role);
  const [members, pending] = await Promise.all([listStudioUsers(studio.studioId, input.email), listInvitations(studio.studioId)]);
  if (members.length > 0) throw conflict('already_member', 'This person is already in your team.');
  if (pending.some((i) => i.email === input.email))
    throw conflict('already_invited', 'This person has a pending invitation: send it again from the list instead.');
  await consume(sendLimit(), studio.studioId, now);
  const { token, tokenHash, expiresAt } = freshLink(now);
  const at = new Date(now).toISOString();
  const invitation: TeamInvitation = {
    inviteId: randomUUID(),
    studioId: studio.studioId,
    email: input.email,
    name: input.name,
    role: input.role,
    invitedBy: inviter.userId,
    createdAt: at,
    sentAt: at,
    expiresAt,
    tokenHash,
  };
  await putInvitation(invitation, { studioId: studio.studioId, inviteId: invitation.inviteId, expiresAt });
  await mailInvitation(studio, inviter, invitation, token);
  return invitationView(invitation);
}

/** The studio's own pending invitation that `actor` may manage (one for a role it may give), or 404 / 403. */
async function invitationOf(studio: Studio, actor: StudioUser, inviteId: string): Promise<TeamInvitation> {
  const invitation = await getInvitation(studio.studioId, inviteId);
  if (!invitation) throw notFound('No such invitation.');
  assertMayGrant(actor.role, invitation.role);
  return invitation;
}

const changedMeanwhile = () => conflict('invitation_changed', 'This invitation changed a moment ago. Reload the page and try again.');

export async function resendTeamInvitation(studio: Studio, actor: StudioUser, inviteId: string, now = Date.now()) {
  const invitation = await invitationOf(studio, actor, inviteId);
  await consume(sendLimit(), studio.studioId, now);
  const { token, tokenHash, expiresAt } = freshLink(now);
  const next = { tokenHash, expiresAt, sentAt: new Date(now).toISOString(), invitedBy: actor.userId };
  if (!(await replaceInvitationLink(invitation, next))) throw changedMeanwhile();
  const resent = { ...invitation, ...next };
  await mailInvitation(studio, actor, resent, token);
  return invitationView(resent);
}

export async function revokeTeamInvitation(studio: Studio, actor: StudioUser, inviteId: string): Promise<void> {
  const invitation = await invitationOf(studio, actor, inviteId);
  if (!(await deleteInvitation(invitation))) throw changedMeanwhile();
}

/**
 * Accepts an invitation: uses the link up first (one conditional write, so it joins once), then
 * creates the Cognito user and the studio user. Should a step after the link fail, the link is
 * given back, so the invitee can simply try again; a Cognito user made for nothing is deleted.
 */
export async function acceptTeamInvitation(
  input: { token: string; name: string; password: string },
  now = Date.now(),
): Promise<{ user: StudioUser; tokens: SessionTokens }> {
  const tokenHash = hashToken(input.token);
  const outcome = await useInvitationLink(tokenHash, now);
  if ('refused' in outcome) refuseInvitationLink(outcome.refused);
  const { studioId, inviteId } = outcome.used;
  const [invitation, studio] = await Promise.all([getInvitation(studioId, inviteId), getStudio(studioId)]);
  if (!invitation || invitation.tokenHash !== tokenHash || !studio) {
    await deleteInvitationLink(tokenHash);
    refuseInvitationLink(undefined);
  }
  let sub: string;
  try {
    sub = await createUser('studio', invitation.email, invitation.email, input.password);
  } catch (e) {
    await releaseInvitationLink(tokenHash);
    if (e instanceof UserExistsError)
      throw conflict(
        'email_has_account',
        'This email address already has a Portico studio account. Ask whoever invited you to invite another address.',
      );
    throw e;
  }
  const user: StudioUser = { userId: sub, studioId, email: invitation.email, name: input.name, role: invitation.role };
  let joined = false;
  try {
    joined = await joinStudio(invitation, user);
  } finally {
    if (!joined) {
      await deleteUser('studio', invitation.email).catch(() => undefined);
      await releaseInvitationLink(tokenHash).catch(() => undefined);
    }
  }
  // The used link's record stays until its ttl, so opening it again says it was accepted.
  if (!joined) throw conflict('invitation_changed', 'This invitation was resent or revoked a moment ago. Use the newest link.');
  const tokens = await signInWithPassword('studio', invitation.email, input.password);
  if (!tokens) throw new Error('The new team member could not sign in with the password just set');
  return { user, tokens };
}
