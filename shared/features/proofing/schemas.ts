// Proofing: what a client sees of a gallery and does with its images, and what the studio gets back.
import * as z from 'zod/mini';
import { Int, named, PaymentLock, Text, Uuid } from '../../schemas.ts';
import { ClientGalleryStatus, galleryFields } from '../galleries/index.ts';
import { MentionList, MentionView, PersonView } from '../people/index.ts';

export const ClientImage = named(
  z.object({
    imageId: z.string(),
    fileName: z.string(),
    width: z.nullable(z.number()),
    height: z.nullable(z.number()),
    takenAt: z.nullable(z.string()),
    placeholder: z.nullable(z.string()),
    thumbUrl: z.string(),
    previewUrl: z.string(),
    favourite: z.boolean(),
    selected: z.boolean(),
    comments: Int,
  }),
  'ClientImage',
);
export type ClientImage = z.infer<typeof ClientImage>;

/** What this client may do now: the UI shows exactly these actions. */
export const Permissions = z.object({
  favourite: z.boolean(),
  select: z.boolean(),
  comment: z.boolean(),
  confirm: z.boolean(),
  download: z.boolean(),
});
export type Permissions = z.infer<typeof Permissions>;

export const ClientGalleryDetail = named(
  z.object({
    ...galleryFields,
    status: ClientGalleryStatus,
    can: Permissions,
    /** The unpaid invoice the gallery's downloads wait for: they answer 403 payment_required until it is paid. */
    paymentLock: z.nullable(PaymentLock),
  }),
  'ClientGalleryDetail',
);

export const FavouriteBody = z.strictObject({ favourite: z.boolean() });
export const SelectionBody = z.strictObject({ selected: z.boolean() });
export const CommentBody = z.strictObject({
  text: Text(1, 1000),
  /** A reply names the thread's root comment on the same image (threads are one level deep). */
  parentId: z.optional(Uuid),
  /** The people it mentions: the gallery's client and the team members who may see the gallery. */
  mentions: z.optional(MentionList),
});
export type CommentBody = z.output<typeof CommentBody>;
export const ResolveBody = z.strictObject({ resolved: z.boolean() });
export const Comment = named(
  z.object({
    commentId: z.string(),
    imageId: z.string(),
    /** The root comment a reply answers; null on a root. */
    parentId: z.nullable(z.string()),
    author: z.enum(['client', 'studio']),
    authorName: z.string(),
    /** Whether the caller wrote it (a client may reopen a thread it started). */
    mine: z.boolean(),
    text: z.string(),
    mentions: z.array(MentionView),
    createdAt: z.string(),
    /** On a root: when its thread was resolved, and by whom; null while it is open. */
    resolvedAt: z.nullable(z.string()),
    resolvedBy: z.nullable(z.string()),
  }),
  'Comment',
);
export const CommentParams = z.strictObject({ galleryId: Uuid, imageId: Uuid, commentId: Uuid });
export const PeopleAnswer = z.object({ people: z.array(PersonView) });
export type Comment = z.infer<typeof Comment>;
export const Submission = named(
  z.object({
    submissionId: z.string(),
    galleryId: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    clientEmail: z.string(),
    confirmedAt: z.string(),
    count: Int,
    fileNames: z.array(z.string()),
  }),
  'Submission',
);
export type Submission = z.infer<typeof Submission>;
