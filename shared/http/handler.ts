// The handler of a route with a tenant or a caller: the host names the studio (the dashboard or a
// portal), the verified token names the user or client, and neither ever comes from the body. The
// rest of what every handler goes through is wrapper.ts.
import { assertAssigned } from '../features/galleries/index.ts';
import { assertEntitled } from '../features/plans/index.ts';
import { assertOnProject, assertSeated } from '../features/projects/index.ts';
import { type HostContext, isOperator, ROLE_NAMES, resolveHost, roleAtLeast } from '../features/studios/index.ts';
import type { RouteDef } from '../route-def.ts';
import { forbidden, notFound } from './errors.ts';
import { clientSessionOf, studioSessionOf } from './sessions.ts';
import { type ApiEvent, type Reply, type RouteRequest, type StudioSession, type Tenancy, wrapRoute } from './wrapper.ts';

export type { ApiEvent, ApiResult, ClientSession, OkBody, Reply, RouteRequest, StudioSession } from './wrapper.ts';
export { atLeast } from './wrapper.ts';

const claimsOf = (event: ApiEvent): Record<string, unknown> | undefined => event.requestContext.authorizer?.jwt?.claims;

/** 403 for a team role below the route's: says who can, so the member knows whom to ask. */
function assertRole(route: RouteDef, session: StudioSession): void {
  if (route.auth !== 'studio' || roleAtLeast(session.user.role, route.role)) return;
  const who = route.role === 'owner' ? 'an owner' : 'an owner or an admin';
  throw forbidden(
    'role_required',
    `Only ${who} of ${session.studio.name} can do this. You are a ${ROLE_NAMES[session.user.role].toLowerCase()}.`,
  );
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
      const studioSession = route.auth === 'studio' ? await studioSessionOf(claimsOf(event)) : undefined;
      const clientSession = route.auth === 'client' && portal ? await clientSessionOf(claimsOf(event), portal) : undefined;
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
