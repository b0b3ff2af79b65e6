// Wire types of the JSON API, inferred from the shared route table. Type-only imports: no zod
// code reaches the browser bundle. Every type here is read off a route, so it follows the route
// table wherever the schemas behind it live.
import type { z } from 'zod';
import type { RouteId, routes } from '../../../shared/routes.ts';

type Routes = typeof routes;
/** Any zod schema, classic or zod/mini: both are core schemas. */
type Schema = z.core.$ZodType;

/** The success body of a route, e.g. `Ok<'getStudioMe'>` (undefined when the route answers without one, e.g. a 204). */
export type Ok<R extends RouteId> = Routes[R]['ok'] extends { body: infer B extends Schema } ? z.output<B> : undefined;
/** The request body of a route, as the client sends it. */
export type Body<R extends RouteId> = Routes[R] extends { body: infer B extends Schema } ? z.input<B> : never;
/** The path parameters of a route, e.g. `{ galleryId }`. */
export type Params<R extends RouteId> = Routes[R] extends { params: infer P extends Schema } ? z.input<P> : never;
/** The query string of a route. */
export type Query<R extends RouteId> = Routes[R] extends { query: infer Q extends Schema } ? z.input<Q> : never;

export type StudioMe = Ok<'getStudioMe'>;
export type ClientMe = Ok<'getClientMe'>;
export type Branding = Ok<'getPortal'>['studio'];
export type ClientSummary = Ok<'listClients'>['clients'][number];
export type ClientStatus = ClientSummary['status'];
export type ClientGallery = Ok<'listClientGalleries'>['galleries'][number];
export type GalleryStatus = ClientGallery['status'];
export type ProjectSummary = Ok<'listProjects'>['projects'][number];
export type StudioProject = Ok<'getStudioProject'>['project'];
export type ClientProject = Ok<'getClientProject'>['project'];
export type PortalHomeData = Ok<'getPortalHome'>;
