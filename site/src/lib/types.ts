// Wire types of the JSON API, inferred from the shared route table. Type-only imports: no zod
// code reaches the browser bundle.
import type * as z from 'zod/mini';
import type * as clients from '../../../shared/features/clients/schemas.ts';
import type * as galleries from '../../../shared/features/galleries/schemas.ts';
import type * as studios from '../../../shared/features/studios/schemas.ts';
import type { routes } from '../../../shared/routes.ts';

type Routes = typeof routes;
/** The success body of a route, e.g. `Ok<'getStudioMe'>`. */
export type Ok<R extends keyof Routes> = Routes[R]['ok'] extends { body: infer B extends z.ZodMiniType } ? z.infer<B> : never;
/** The request body of a route, as the client sends it. */
export type Body<R extends keyof Routes> = Routes[R] extends { body: infer B extends z.ZodMiniType } ? z.input<B> : never;

export type Branding = z.infer<typeof studios.Branding>;
export type ClientSummary = z.infer<typeof clients.ClientSummary>;
export type ClientStatus = ClientSummary['status'];
export type ClientGallery = z.infer<typeof galleries.ClientGallery>;
export type GalleryStatus = ClientGallery['status'];
export type StudioMe = Ok<'getStudioMe'>;
export type ClientMe = Ok<'getClientMe'>;
