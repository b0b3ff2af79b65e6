// Wire types of the gallery and proofing routes, inferred from the shared schemas (type-only
// imports: no zod in the browser). Kept apart from types.ts, which belongs to the portal basics.
import type { z } from 'zod';
import type * as s from '../../../shared/schemas.ts';
import type { Ok } from './types.ts';

export type GalleryRules = z.infer<typeof s.GalleryRules>;
export type StudioGallery = z.infer<typeof s.StudioGallery>;
export type StudioGalleryStatus = StudioGallery['status'];
export type StudioImage = z.infer<typeof s.StudioImage>;
export type ImageStatus = StudioImage['status'];
export type ClientImage = z.infer<typeof s.ClientImage>;
export type ClientGalleryDetail = z.infer<typeof s.ClientGalleryDetail>;
export type ClientGalleryStatus = ClientGalleryDetail['status'];
export type Permissions = ClientGalleryDetail['can'];
export type Comment = z.infer<typeof s.Comment>;
export type Submission = z.infer<typeof s.Submission>;
export type ZipJob = z.infer<typeof s.ZipJobStatus>;
export type ShareLink = z.infer<typeof s.ShareLink>;
export type SharedImage = z.infer<typeof s.SharedImage>;
export type GalleryActivity = z.infer<typeof s.Activity>;
export type UploadTicket = z.infer<typeof s.UploadTicket>;
export type SharedGallery = Ok<'openSharedGallery'>['gallery'];

/** Keep in step with UPLOAD_CONTENT_TYPES in shared/schemas.ts (not imported: that module pulls in zod). */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic', 'image/heif'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
/** Keep in step with MAX_UPLOAD_BYTES in shared/schemas.ts. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Keep in step with CreateUploadsBody in shared/schemas.ts: files per ticket request. */
export const TICKETS_PER_REQUEST = 100;
