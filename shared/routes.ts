// The one route table, merged from the features' tables. The CDK API, the local server, the
// OpenAPI document and the isolation tests are all generated from it: a route exists when, and only
// when, a feature lists it. Each route's handler lives in functions/<feature>/<id>.ts and exports
// `handler`. Handlers import their own feature's table, never this one: it holds every schema.
import { routes as auth } from './features/auth/routes.ts';
import { routes as branding } from './features/branding/routes.ts';
import { routes as clients } from './features/clients/routes.ts';
import { routes as conversations } from './features/conversations/routes.ts';
import { routes as deliverables } from './features/deliverables/routes.ts';
import { routes as domains } from './features/domains/routes.ts';
import { routes as downloads } from './features/downloads/routes.ts';
import { routes as feedback } from './features/feedback/routes.ts';
import { routes as files } from './features/files/routes.ts';
import { routes as galleries } from './features/galleries/routes.ts';
import { routes as home } from './features/home/routes.ts';
import { routes as invoices } from './features/invoices/routes.ts';
import { routes as notifications } from './features/notifications/routes.ts';
import { routes as platform } from './features/platform/routes.ts';
import { routes as portalManager } from './features/portal-manager/routes.ts';
import { routes as projects } from './features/projects/routes.ts';
import { routes as proofing } from './features/proofing/routes.ts';
import { routes as releases } from './features/releases/routes.ts';
import { routes as shareLinks } from './features/share-links/routes.ts';
import { routes as studios } from './features/studios/routes.ts';
import { routes as team } from './features/team/routes.ts';
import { routes as uploads } from './features/uploads/routes.ts';
import type { RouteDef } from './route-def.ts';

export type { Auth, Grant, Host, Method, RouteDef } from './route-def.ts';
export { isIdempotent } from './route-def.ts';

export const routes = {
  ...platform,
  ...auth,
  ...studios,
  ...team,
  ...branding,
  // Before clients: the isolation matrix runs the routes in this order, and inviteClient's sample
  // gives the rival studio a client of the victim's email (by design), which its overview would list.
  ...portalManager,
  ...clients,
  ...galleries,
  ...uploads,
  ...proofing,
  ...downloads,
  ...shareLinks,
  ...domains,
  ...feedback,
  ...projects,
  ...home,
  ...deliverables,
  ...files,
  ...conversations,
  ...notifications,
  ...releases,
  ...invoices,
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
export const routeList: RouteDef[] = Object.values(routes);
