// Proofing: what a client sees of a gallery and does with its images, and what the studio gets back.
import * as z from 'zod/mini';
import { Int, named, Text } from '../../schemas.ts';
import { ClientGalleryStatus, galleryFields } from '../galleries/index.ts';

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
  z.object({ ...galleryFields, status: ClientGalleryStatus, can: Permissions }),
  'ClientGalleryDetail',
);

export const FavouriteBody = z.strictObject({ favourite: z.boolean() });
export const SelectionBody = z.strictObject({ selected: z.boolean() });
export const CommentBody = z.strictObject({ text: Text(1, 1000) });
export const Comment = named(
  z.object({
    commentId: z.string(),
    imageId: z.string(),
    author: z.enum(['client', 'studio']),
    authorName: z.string(),
    text: z.string(),
    createdAt: z.string(),
  }),
  'Comment',
);
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
