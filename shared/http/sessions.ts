// Who a verified token names, and whether that session still counts: one implementation for the
// HTTP routes (handler.ts, claims from API Gateway's JWT authorizer) and the live socket
// (socket.ts, claims verified in the $connect handler). A token opened before its holder's last
// sign-out, a client whose access was revoked, a session of another studio's portal: refused alike.
import { assertAccess, sessionEnded } from '../features/auth/index.ts';
import { getClient, parseClientUsername } from '../features/clients/index.ts';
import { getStudio, getStudioUser, type Studio } from '../features/studios/index.ts';
import { forbidden, HttpError, unauthorized } from './errors.ts';
import type { ClientSession, StudioSession } from './wrapper.ts';

type Claims = Record<string, unknown> | undefined;

/** A token opened before its holder's last sign-out: valid for the authorizer, ended for Portico. */
const ended = () => new HttpError(401, 'session_ended', 'You signed out of this session. Please sign in again.');

export async function studioSessionOf(claims: Claims): Promise<StudioSession> {
  const sub = claims?.sub;
  if (typeof sub !== 'string') throw unauthorized();
  const user = await getStudioUser(sub);
  if (!user) throw forbidden('not_a_studio_user', 'This account does not belong to a studio.');
  if (sessionEnded(claims ?? {}, user.sessionsValidAfter)) throw ended();
  const studio = await getStudio(user.studioId);
  if (!studio) throw forbidden('not_a_studio_user', 'This account does not belong to a studio.');
  return { user, studio };
}

export async function clientSessionOf(claims: Claims, portal: Studio): Promise<ClientSession> {
  const username = claims?.username ?? claims?.['cognito:username'];
  const member = typeof username === 'string' ? parseClientUsername(username) : null;
  if (!member) throw unauthorized();
  // A session belongs to the one portal it was opened on.
  if (member.studioId !== portal.studioId)
    throw forbidden('wrong_portal', "This session belongs to another studio's portal. Sign in here.");
  const client = await getClient(portal.studioId, member.clientId);
  if (!client) throw forbidden('access_revoked', `This account no longer has access to ${portal.name}'s portal.`);
  // Access first: a revoked (or expired) client's ended session says why, not "you signed out".
  assertAccess(portal, client);
  if (sessionEnded(claims ?? {}, client.sessionsValidAfter)) throw ended();
  return { client, studio: portal };
}
