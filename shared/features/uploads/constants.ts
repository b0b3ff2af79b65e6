// Upload limits shared by the API, the image pipeline and the site's uploader. No zod here: the
// site imports this module.

/** Formats a studio may upload. */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic', 'image/heif'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Files per ticket request, so a drop of thousands needs few round trips. */
export const TICKETS_PER_REQUEST = 100;
