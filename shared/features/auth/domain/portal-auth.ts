// Client sign-in for a studio's portal: invitations, sign-in links, and redeeming them.
import { randomUUID } from 'node:crypto';
import type { SessionTokens } from '../../../adapters/identity.ts';
import { issueSession } from '../../../adapters/identity.ts';
import { sendMail } from '../../../adapters/mail.ts';
import { limits, portalUrl } from '../../../config.ts';
import { consume, giveBack, type Limit } from '../../../data/rate-limit.ts';
import { conflict, notAllowed } from '../../../errors.ts';
import {
  type Client,
  clientOfStudio,
  clientUsername,
  createClient,
  findClientByEmail,
  getClient,
  hasAccess,
  recordSignIn,
} from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { LinkPurpose } from '../records.ts';
import { invitationEmail, signInEmail } from './emails.ts';
import { claimLinkForRenewal, findRenewableLink, issueMagicLink, newMagicLink, redeemMagicLink } from './magic-links.ts';
import { sessionAfter } from './sessions.ts';

/** Sign-in emails per address and portal: enough for real use, too few to flood an inbox. */
export const SIGN_IN_LIMIT = { bucket: 'signin', max: 5, windowSeconds: 15 * 60 };

/** The link lands on the portal's /auth page; the token rides in the fragment, so it never reaches a server log. */
export const magicLinkUrl = (studio: Studio, token: string) => `${portalUrl(studio.slug)}/auth#token=${token}`;

async function mailLink(studio: Studio, client: Client, purpose: LinkPurpose, issuedToken?: string): Promise<void> {
  const token = issuedToken ?? (await issueMagicLink(studio.studioId, client.clientId, purpose));
  const letter = (purpose === 'invite' ? invitationEmail : signInEmail)(studio, client, magicLinkUrl(studio, token));
  await sendMail({ to: client.email, fromName: studio.name, replyTo: studio.supportEmail ?? undefined, ...letter });
}

/**
 * Invitations a studio may send: a daily cap for every studio, and an hourly one while its owner's
 * email is unverified, so a fresh studio cannot relay mail in bulk under a name of its choosing.
 */
export const invitationLimits = (studio: Studio): Limit[] => [
  ...(studio.emailVerifiedAt ? [] : [{ bucket: 'invites-hour', max: limits.invitesPerHourUnverified, windowSeconds: 3600 }]),
  { bucket: 'invites-day', max: limits.invitesPerDay, windowSeconds: 86_400 },
];

/**
 * Counts one invitation against each of the studio's limits (429 with Retry-After at the first one
 * reached); `send` runs holding them, and an invitation that fails is given back.
 */
async function withinInvitationLimits<T>(studio: Studio, send: () => Promise<T>): Promise<T> {
  const held: { limit: Limit; windowStart: number }[] = [];
  const release = () => Promise.all(held.map(({ limit, windowStart }) => giveBack(limit, studio.studioId, windowStart)));
  try {
    for (const limit of invitationLimits(studio)) held.push({ limit, windowStart: await consume(limit, studio.studioId) });
    return await send();
  } catch (e) {
    await release().catch(() => undefined);
    throw e;
  }
}

export async function inviteClient(studio: Studio, input: { email: string; name: string; accessExpiresAt?: string }): Promise<Client> {
  return withinInvitationLimits(studio, () => createAndInvite(studio, input));
}

async function createAndInvite(studio: Studio, input: { email: string; name: string; accessExpiresAt?: string }): Promise<Client> {
  // The link is written in the client's own transaction: were it a second write, a table outage
  // between the two would leave a client without a link, and the studio's retry would only hear
  // "already a client".
  const clientId = randomUUID();
  const link = newMagicLink(studio.studioId, clientId, 'invite');
  const client = await createClient(studio.studioId, { ...input, clientId }, [link.write]);
  await mailLink(studio, client, 'invite', link.token);
  return client;
}

/**
 * Invitation resends per client and hour: a studio that clicks twice is served, one that would mail
 * a client all day is not (each resend also counts against the studio's invitation limits).
 */
export const resendLimit = (): Limit => ({ bucket: 'invite-resend', max: limits.invitationResendsPerClientHour, windowSeconds: 3600 });

/**
 * Mails the client a fresh invitation link (the old one keeps working until it expires). A client
 * whose access is revoked or over would only be refused at the link, so they are refused here.
 */
export async function resendInvitation(studio: Studio, clientId: string): Promise<Client> {
  const client = await clientOfStudio(studio.studioId, clientId);
  if (client.revokedAt) throw conflict('access_revoked', 'Access of this client is revoked. Restore it before sending a new invitation.');
  if (!hasAccess(client))
    throw conflict('access_expired', 'Access of this client has ended. Change its end date before sending a new invitation.');
  await consume(resendLimit(), `${studio.studioId}#${clientId}`);
  return withinInvitationLimits(studio, async () => {
    await mailLink(studio, client, 'invite');
    return client;
  });
}

/** Sends a link if the email belongs to a client of this studio; says nothing either way. */
export async function requestSignInLink(studio: Studio, email: string): Promise<void> {
  await consume(SIGN_IN_LIMIT, `${studio.studioId}#${email}`);
  const client = await findClientByEmail(studio.studioId, email);
  // A revoked client's link would only be refused: no mail for it (the answer is the same).
  if (client && !client.revokedAt) await mailLink(studio, client, 'signin');
}

/** Sends a fresh link to whoever an expired link was for, without telling the caller who that is. */
export async function renewSignInLink(studio: Studio, token: string): Promise<void> {
  const link = await findRenewableLink(token, studio.studioId);
  if (!link) return;
  const client = await getClient(studio.studioId, link.clientId);
  if (!client || client.revokedAt) return;
  // The limit comes before the claim: a refused renewal leaves the old link renewable later.
  await consume(SIGN_IN_LIMIT, `${studio.studioId}#${client.email}`);
  if (await claimLinkForRenewal(token)) await mailLink(studio, client, 'signin');
}

/** Revoked clients are told so plainly (the portal shows it as "access ended"), expired ones until when. */
export function assertAccess(studio: Studio, client: Client): void {
  if (client.revokedAt) throw notAllowed('access_revoked', `This account no longer has access to ${studio.name}'s portal.`);
  if (!hasAccess(client)) {
    const contact = studio.supportEmail ? ` Contact ${studio.supportEmail} to have it extended.` : '';
    throw notAllowed('access_expired', `Your access to ${studio.name}'s portal ended on ${client.accessExpiresAt}.${contact}`);
  }
}

export async function signInWithLink(studio: Studio, token: string): Promise<{ client: Client; tokens: SessionTokens }> {
  const { clientId } = await redeemMagicLink(token, studio.studioId);
  const client = await getClient(studio.studioId, clientId);
  if (!client) throw notAllowed('access_revoked', `This account no longer has access to ${studio.name}'s portal.`);
  assertAccess(studio, client);
  const username = clientUsername(studio.studioId, client.clientId);
  const tokens = await sessionAfter(client.sessionsValidAfter, await issueSession('client', username), () =>
    issueSession('client', username),
  );
  await recordSignIn(client);
  return { client, tokens };
}
