// What a sample request may name, and the shape of a feature's sample bodies
// (test/features/<feature>/samples.ts; test/support/route-samples.ts merges them).
import type * as z from 'zod/mini';
import type { RouteDef } from '../../shared/routes.ts';

/** The records a request may name. */
export interface SampleContext {
  /** The studio whose records these are (a list's cursor names its partition). */
  studioId: string;
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
  /** The studio owner's email verification token (the link of the sign-up mail). */
  verifyToken: string;
  shareToken: string;
  /** A pending team invitation of the studio (resend, revoke). */
  inviteId: string;
  /** An unused team invitation link's token (accept). */
  inviteToken: string;
  /** A member of the studio's team (role change, removal). */
  memberUserId: string;
  /** The studio owner's user id (a project's lead). */
  ownerUserId: string;
  /** A project the client is a contact of, and one of its milestones. */
  projectId: string;
  milestoneId: string;
  /** A deliverable of that project with a version sent for review, and a client's comment on it. */
  deliverableId: string;
  version: string;
  deliverableCommentId: string;
  imageCommentId: string;
  /** A folder of that project that takes client uploads, and a shared file in it with a processed version. */
  folderId: string;
  fileId: string;
  fileVersion: number;
  /** The client's feedback task on that project. */
  feedbackId: string;
  /** A file attached to that feedback. */
  attachmentId: string;
  /** A release template of the studio, and a release made of it, sent to the client (their signer) and to a guest by one-time link. */
  templateId: string;
  releaseId: string;
  signerId: string;
  signingToken: string;
  /** An invoice sent to the client, and a Checkout Session the client opened for it. */
  invoiceId: string;
  checkoutSessionId: string;
}

/** One sample body per route of a feature that takes one, typed as that route's body. */
export type SampleBodies<T extends Record<string, RouteDef>> = {
  [K in keyof T as T[K] extends { body: z.ZodMiniType } ? K : never]: (
    c: SampleContext,
  ) => T[K] extends { body: infer B extends z.ZodMiniType } ? z.input<B> : never;
};

/** One sample query per route of a feature that takes one (the paged lists: a page size and a cursor into the list). */
export type SampleQueries<T extends Record<string, RouteDef>> = {
  [K in keyof T as T[K] extends { query: z.ZodMiniType } ? K : never]: (
    c: SampleContext,
  ) => T[K] extends { query: infer Q extends z.ZodMiniType } ? z.input<Q> : never;
};
