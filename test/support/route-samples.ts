// A well-formed request for every route of the route table, built from whichever records it should
// name. The isolation matrix fills these with another tenant's ids, the fuzzer mutates them into
// invalid ones, and the owner's own call proves each is a request the route accepts. A route with a
// body or a path parameter that has no sample fails the suite (see sampleRequest). Each feature's
// sample bodies live in test/features/<feature>/samples.ts.
import type * as z from 'zod/mini';
import type { RouteDef, RouteId, routes } from '../../shared/routes.ts';
import { bodies as auth } from '../features/auth/samples.ts';
import { bodies as branding } from '../features/branding/samples.ts';
import { queries as clientQueries, bodies as clients } from '../features/clients/samples.ts';
import { queries as conversationQueries, bodies as conversations } from '../features/conversations/samples.ts';
import { bodies as deliverables } from '../features/deliverables/samples.ts';
import { bodies as domains } from '../features/domains/samples.ts';
import { bodies as downloads } from '../features/downloads/samples.ts';
import { bodies as feedback, queries as feedbackQueries } from '../features/feedback/samples.ts';
import { bodies as files } from '../features/files/samples.ts';
import { bodies as galleries, queries as galleryQueries } from '../features/galleries/samples.ts';
import { queries as invoiceQueries, bodies as invoices } from '../features/invoices/samples.ts';
import { queries as notificationQueries, bodies as notifications } from '../features/notifications/samples.ts';
import { queries as portalManagerQueries } from '../features/portal-manager/samples.ts';
import { queries as projectQueries, bodies as projects } from '../features/projects/samples.ts';
import { bodies as proofing, queries as proofingQueries } from '../features/proofing/samples.ts';
import { queries as releaseQueries, bodies as releases } from '../features/releases/samples.ts';
import { queries as shareLinkQueries, bodies as shareLinks } from '../features/share-links/samples.ts';
import { queries as studioQueries, bodies as studios } from '../features/studios/samples.ts';
import { bodies as team } from '../features/team/samples.ts';
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
  ...team,
  ...domains,
  ...feedback,
  ...branding,
  ...projects,
  ...deliverables,
  ...files,
  ...conversations,
  ...notifications,
  ...releases,
  ...invoices,
};

type WithQuery = { [K in RouteId]: (typeof routes)[K] extends { query: z.ZodMiniObject } ? K : never }[RouteId];

/** One query per route that takes one (the paged lists), from each feature's samples. */
const queries: { [K in WithQuery]: (c: SampleContext) => Record<string, string | undefined> } = {
  ...clientQueries,
  ...galleryQueries,
  ...portalManagerQueries,
  ...proofingQueries,
  ...shareLinkQueries,
  ...studioQueries,
  ...feedbackQueries,
  ...projectQueries,
  ...conversationQueries,
  ...notificationQueries,
  ...releaseQueries,
  ...invoiceQueries,
};

/** Which record each path parameter names. */
const pathParams: Record<string, (c: SampleContext) => string> = {
  studioId: (c) => c.studioId,
  galleryId: (c) => c.galleryId,
  imageId: (c) => c.imageId,
  submissionId: (c) => c.submissionId,
  jobId: (c) => c.jobId,
  linkId: (c) => c.linkId,
  inviteId: (c) => c.inviteId,
  userId: (c) => c.memberUserId,
  clientId: (c) => c.clientId,
  projectId: (c) => c.projectId,
  milestoneId: (c) => c.milestoneId,
  deliverableId: (c) => c.deliverableId,
  version: (c) => c.version,
  deliverableCommentId: (c) => c.deliverableCommentId,
  commentId: (c) => c.imageCommentId,
  folderId: (c) => c.folderId,
  fileId: (c) => c.fileId,
  /** The client's project's thread. */
  threadId: (c) => `project-${c.projectId}`,
  /** A message of a thread (the samples name the first). */
  seq: () => '1',
  feedbackId: (c) => c.feedbackId,
  attachmentId: (c) => c.attachmentId,
  // Marking a note read that the caller does not have is a no-op (200), so any well-formed id serves.
  noteId: () => '0000000000000-aaaaaaaa',
  templateId: (c) => c.templateId,
  releaseId: (c) => c.releaseId,
  signerId: (c) => c.signerId,
  invoiceId: (c) => c.invoiceId,
  sessionId: (c) => c.checkoutSessionId,
};

export const paramNames = (route: RouteDef): string[] => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

export interface SampleRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  /** The query string's fields (already in `path`). */
  query: Record<string, string>;
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
  const query: Record<string, string> = {};
  if (route.query) {
    const build = (queries as Record<string, (c: SampleContext) => Record<string, string | undefined>>)[route.id];
    if (!build) throw new Error(`No sample query for ${route.id}: add one to test/features/<feature>/samples.ts`);
    for (const [k, v] of Object.entries(build(ctx))) if (v !== undefined) query[k] = v;
  }
  const search = new URLSearchParams(query).toString();
  return { method: route.method, path: `${pathWith(route, params)}${search ? `?${search}` : ''}`, params, query, body };
}
