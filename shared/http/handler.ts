// The handler of a route with a tenant or a caller: the host names the studio (the dashboard or a
// portal), the verified token names the user or client, and neither ever comes from the body. The
// rest of what every handler goes through is wrapper.ts.
import { assertAccess, sessionEnded } from '../features/auth/index.ts';
import { getClient, parseClientUsername } from '../features/clients/index.ts';
import { assertAssigned } from '../features/galleries/index.ts';
import { assertEntitled } from '../features/plans/index.ts';
import { assertOnProject, assertSeated } from '../features/projects/index.ts';
import {
  getStudio,
  getStudioUser,
  type HostContext,
  isOperator,
  ROLE_NAMES,
  resolveHost,
  roleAtLeast,
  type Studio,
} from '../features/studios/index.ts';
import type { RouteDef } from '../route-def.ts';
import { forbidden, HttpError, notFound, unauthorized } from './errors.ts';
import {
  type ApiEvent,
  type ClientSession,
  type Reply,
  type RouteRequest,
  type StudioSession,
  type Tenancy,
  wrapRoute,
} from './wrapper.ts';

export type { ApiEvent, ApiResult, ClientSession, OkBody, Reply, RouteRequest, StudioSession } from './wrapper.ts';
export { atLeast } from './wrapper.ts';

const claimsOf = (event: ApiEvent): Record<string, unknown> | undefined => event.requestContext.authorizer?.jwt?.claims;

/** A token opened before its holder's last sign-out: valid for the authorizer, ended for Portico. */
const ended = () => new HttpError(401, 'session_ended', 'You signed out of this session. Please sign in again.');

/** 403 for a team role below the route's: says who can, so the member knows whom to ask. */
function assertRole(route: RouteDef, session: StudioSession): void {
  if (route.auth !== 'studio' || roleAtLeast(session.user.role, route.role)) return;
  const who = route.role === 'owner' ? 'an owner' : 'an owner or an admin';
  throw forbidden(
    'role_required',
    `Only ${who} of ${session.studio.name} can do this. You are a ${ROLE_NAMES[session.user.role].toLowerCase()}.`,
  );
}

async function studioSessionOf(event: ApiEvent): Promise<StudioSession> {
  const sub = claimsOf(event)?.sub;
  if (typeof sub !== 'string') throw unauthorized();
  const user = await getStudioUser(sub);
  if (!user) throw forbidden('not_a_studio_user', 'This account does not belong to a studio.');
  if (sessionEnded(claimsOf(event) ?? {}, user.sessionsValidAfter)) throw ended();
  const studio = await getStudio(user.studioId);
  if (!studio) throw forbidden('not_a_studio_user', 'This account does not belong to a studio.');
  return { user, studio };
}

async function clientSessionOf(event: ApiEvent, portal: Studio): Promise<ClientSession> {
  const claims = claimsOf(event);
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

const tenancy: Tenancy = async (route, event, host) => {
  const hostContext: HostContext = route.host === 'any' ? { kind: 'unknown' } : await resolveHost(host);
  if (route.host === 'dashboard' && hostContext.kind !== 'dashboard') throw notFound('This API is only available on the studio dashboard.');
  if (route.host === 'portal' && hostContext.kind !== 'portal') throw notFound('No client portal is served at this address.');
  const portal = hostContext.kind === 'portal' ? hostContext.studio : undefined;
  return {
    hostContext,
    portal,
    sessions: async (params) => {
      const studioSession = route.auth === 'studio' ? await studioSessionOf(event) : undefined;
      const clientSession = route.auth === 'client' && portal ? await clientSessionOf(event, portal) : undefined;
      if (studioSession) assertRole(route, studioSession);
      if (route.operator && !(studioSession && isOperator(studioSession.user, studioSession.studio)))
        throw forbidden('operator_only', "Only this deployment's operators can do this.");
      // A member works only on the galleries it is assigned: every studio route that names a
      // gallery checks it here, once, so a new gallery route cannot forget to.
      if (studioSession && typeof params?.galleryId === 'string') await assertAssigned(studioSession, params.galleryId);
      // Likewise a project: a member only on the projects it is on, a client only as a contact of one.
      if (typeof params?.projectId === 'string') {
        if (studioSession) await assertOnProject(studioSession, params.projectId);
        if (clientSession) await assertSeated(clientSession, params.projectId);
      }
      // The plan is the studio's: the signed-in studio's on the dashboard, the portal's on a portal.
      const planHolder = studioSession?.studio ?? portal;
      if (route.entitlement && planHolder) assertEntitled(planHolder, route.entitlement);
      return { studioSession, clientSession };
    },
  };
};

/** A route's Lambda handler (see wrapper.ts), with the tenant resolved from the host and the caller from the token. */
export function defineHandler<const R extends RouteDef>(route: R, fn: (req: RouteRequest<R>) => Promise<Reply<R>>) {
  return wrapRoute(route, tenancy, fn);
}
