// A well-formed request for every route of the route table, built from whichever records it should
// name. The isolation matrix fills these with another tenant's ids, the fuzzer mutates them into
// invalid ones, and the owner's own call proves each is a request the route accepts. A route with a
// body or a path parameter that has no sample here fails the suite (see sampleRequest).
import type * as z from 'zod/mini';
import type { RouteDef, RouteId, routes } from '../../shared/routes.ts';

/** The records a request may name. */
export interface SampleContext {
  galleryId: string;
  imageId: string;
  submissionId: string;
  jobId: string;
  linkId: string;
  clientId: string;
  /** A client's email address (sign-in links). */
  clientEmail: string;
  studioEmail: string;
  studioPassword: string;
  slug: string;
  magicToken: string;
  shareToken: string;
}

type WithBody = { [K in RouteId]: (typeof routes)[K] extends { body: z.ZodMiniType } ? K : never }[RouteId];

/** One body per route that takes one (the type makes a missing entry a compile error, too). */
const bodies: { [K in WithBody]: (c: SampleContext) => unknown } = {
  studioSignUp: (c) => ({
    studioName: 'Sample Studio',
    slug: c.slug,
    name: 'Sample Owner',
    email: c.studioEmail,
    password: c.studioPassword,
  }),
  studioSignIn: (c) => ({ email: c.studioEmail, password: c.studioPassword }),
  inviteClient: (c) => ({ email: c.clientEmail, name: 'Sample Client' }),
  requestMagicLink: (c) => ({ email: c.clientEmail }),
  renewMagicLink: (c) => ({ token: c.magicToken }),
  redeemMagicLink: (c) => ({ token: c.magicToken }),
  createGallery: (c) => ({ clientId: c.clientId, title: 'Sample gallery' }),
  updateGallery: (c) => ({ title: 'Sample title', coverImageId: c.imageId }),
  createUpload: () => ({ files: [{ fileName: 'sample.jpg', contentType: 'image/jpeg', size: 1000 }] }),
  completeUpload: () => ({ uploadId: 'sample-upload', parts: [{ partNumber: 1, etag: '"0123456789abcdef"' }] }),
  setFavourite: () => ({ favourite: true }),
  setSelection: () => ({ selected: true }),
  addComment: () => ({ text: 'Sample comment' }),
  requestGalleryZip: () => ({ scope: 'all' }),
  createShareLink: () => ({ access: 'view' }),
  openSharedGallery: (c) => ({ token: c.shareToken }),
  downloadSharedImage: (c) => ({ token: c.shareToken, imageId: c.imageId }),
};

/** Which record each path parameter names. */
const pathParams: Record<string, (c: SampleContext) => string> = {
  galleryId: (c) => c.galleryId,
  imageId: (c) => c.imageId,
  submissionId: (c) => c.submissionId,
  jobId: (c) => c.jobId,
  linkId: (c) => c.linkId,
};

export const paramNames = (route: RouteDef): string[] => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

export interface SampleRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  body: unknown;
}

export function pathWith(route: RouteDef, params: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function sampleRequest(route: RouteDef, ctx: SampleContext): SampleRequest {
  const params: Record<string, string> = {};
  for (const name of paramNames(route)) {
    const resolve = pathParams[name];
    if (!resolve) throw new Error(`No sample for path parameter {${name}} of ${route.id}: add it to test/support/route-samples.ts`);
    params[name] = resolve(ctx);
  }
  let body: unknown;
  if (route.body) {
    const build = (bodies as Record<string, (c: SampleContext) => unknown>)[route.id];
    if (!build) throw new Error(`No sample body for ${route.id}: add one to test/support/route-samples.ts`);
    body = build(ctx);
  }
  return { method: route.method, path: pathWith(route, params), params, body };
}
