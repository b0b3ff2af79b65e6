// A well-formed request for every route of the route table, built from whichever records it should
// name. The isolation matrix fills these with another tenant's ids, the fuzzer mutates them into
// invalid ones, and the owner's own call proves each is a request the route accepts. A route with a
// body or a path parameter that has no sample fails the suite (see sampleRequest). Each feature's
// sample bodies live in test/features/<feature>/samples.ts.
import type * as z from 'zod/mini';
import type { RouteDef, RouteId, routes } from '../../shared/routes.ts';
import { bodies as auth } from '../features/auth/samples.ts';
import { bodies as branding } from '../features/branding/samples.ts';
import { bodies as clients } from '../features/clients/samples.ts';
import { bodies as downloads } from '../features/downloads/samples.ts';
import { bodies as galleries } from '../features/galleries/samples.ts';
import { bodies as proofing } from '../features/proofing/samples.ts';
import { bodies as shareLinks } from '../features/share-links/samples.ts';
import { bodies as studios } from '../features/studios/samples.ts';
import { bodies as uploads } from '../features/uploads/samples.ts';
import type { SampleContext } from './sample-context.ts';

export type { SampleContext } from './sample-context.ts';

type WithBody = { [K in RouteId]: (typeof routes)[K] extends { body: z.ZodMiniType } ? K : never }[RouteId];

/** One body per route that takes one, from each feature's samples (the type makes a missing one a compile error). */
const bodies: { [K in WithBody]: (c: SampleContext) => unknown } = {
  ...auth,
  ...clients,
  ...galleries,
  ...uploads,
  ...proofing,
  ...downloads,
  ...shareLinks,
  ...studios,
  ...branding,
};

/** Which record each path parameter names. */
const pathParams: Record<string, (c: SampleContext) => string> = {
  studioId: (c) => c.studioId,
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
    if (!build) throw new Error(`No sample body for ${route.id}: add one to test/features/<feature>/samples.ts`);
    body = build(ctx);
  }
  return { method: route.method, path: pathWith(route, params), params, body };
}
