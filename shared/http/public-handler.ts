// The handler of a route that serves anyone on any host (health, the OpenAPI document, sign-out):
// no tenant, no caller, so none of the lookups behind them (and none of their SDK clients) is bundled.
import type { RouteDef } from '../route-def.ts';
import { type Reply, type RouteRequest, type Tenancy, wrapRoute } from './wrapper.ts';

const nobody: Tenancy = async () => ({ hostContext: { kind: 'unknown' }, portal: undefined, sessions: async () => ({}) });

/** A route's Lambda handler (see wrapper.ts) for a route with host 'any' and auth 'public'. */
export function definePublicHandler<const R extends RouteDef & { host: 'any'; auth: 'public' }>(
  route: R,
  fn: (req: RouteRequest<R>) => Promise<Reply<R>>,
) {
  return wrapRoute(route, nobody, fn);
}
