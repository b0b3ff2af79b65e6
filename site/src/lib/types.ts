// Wire types of the JSON API, inferred from the shared route table. Type-only imports: no zod
// code reaches the browser bundle.
import type { z } from 'zod';
import type { routes } from '../../../shared/routes.ts';
import type * as s from '../../../shared/schemas.ts';

type Routes = typeof routes;
/** The success body of a route, e.g. `Ok<'getStudioMe'>`. */
export type Ok<R extends keyof Routes> = Routes[R]['ok'] extends { body: infer B extends z.ZodType } ? z.infer<B> : never;
/** The request body of a route, as the client sends it. */
export type Body<R extends keyof Routes> = Routes[R] extends { body: infer B extends z.ZodType } ? z.input<B> : never;

export type Branding = z.infer<typeof s.Branding>;
export type ClientSummary = z.infer<typeof s.ClientSummary>;
export type ClientStatus = ClientSummary['status'];
export type ClientGallery = z.infer<typeof s.ClientGallery>;
export type GalleryStatus = ClientGallery['status'];
export type StudioMe = Ok<'getStudioMe'>;
export type ClientMe = Ok<'getClientMe'>;
