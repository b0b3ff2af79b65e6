// Wire types of the gallery and proofing routes, inferred from the shared schemas (type-only
// imports: no zod in the browser). Kept apart from types.ts, which belongs to the portal basics.
import type * as z from 'zod/mini';
import type * as downloads from '../../../shared/features/downloads/schemas.ts';
import type * as galleries from '../../../shared/features/galleries/schemas.ts';
import type * as proofing from '../../../shared/features/proofing/schemas.ts';
import type * as shareLinks from '../../../shared/features/share-links/schemas.ts';
import type * as uploads from '../../../shared/features/uploads/schemas.ts';
import type { Ok } from './types.ts';

export type GalleryRules = z.infer<typeof galleries.GalleryRules>;
export type StudioGallery = z.infer<typeof galleries.StudioGallery>;
export type StudioGalleryStatus = StudioGallery['status'];
export type StudioImage = z.infer<typeof galleries.StudioImage>;
export type ImageStatus = StudioImage['status'];
export type ClientImage = z.infer<typeof proofing.ClientImage>;
export type ClientGalleryDetail = z.infer<typeof proofing.ClientGalleryDetail>;
export type ClientGalleryStatus = ClientGalleryDetail['status'];
export type Permissions = ClientGalleryDetail['can'];
export type Comment = z.infer<typeof proofing.Comment>;
export type Submission = z.infer<typeof proofing.Submission>;
export type ZipJob = z.infer<typeof downloads.ZipJobStatus>;
export type ShareLink = z.infer<typeof shareLinks.ShareLink>;
export type SharedImage = z.infer<typeof shareLinks.SharedImage>;
export type GalleryActivity = z.infer<typeof shareLinks.Activity>;
export type UploadTicket = z.infer<typeof uploads.UploadTicket>;
export type SharedGallery = Ok<'openSharedGallery'>['gallery'];

/** Keep in step with UPLOAD_CONTENT_TYPES in shared/schemas.ts (not imported: that module pulls in zod). */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic', 'image/heif'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
/** Keep in step with MAX_UPLOAD_BYTES in shared/schemas.ts. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Keep in step with CreateUploadsBody in shared/schemas.ts: files per ticket request. */
export const TICKETS_PER_REQUEST = 100;
