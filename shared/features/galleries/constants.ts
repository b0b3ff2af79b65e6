// Gallery statuses and limits shared by the API and the site. No zod here: the site imports this module.

/** A gallery's life: a draft, open for proofing, locked (selection final), ready (finals delivered), archived. */
export const GALLERY_STATUSES = ['draft', 'proofing', 'locked', 'ready', 'archived'] as const;
/** What a client sees: every status but draft, and 'unavailable' once their access ends. */
export const CLIENT_GALLERY_STATUSES = ['proofing', 'locked', 'ready', 'archived', 'unavailable'] as const;
export const DOWNLOAD_OPTIONS = ['off', 'web', 'original'] as const;
export const MAX_TAGS = 20;
export const MAX_SELECTION = 10_000;
/** An image's life: its upload, then the pipeline's work, then ready (or failed, with a reason). */
export const IMAGE_STATUSES = ['uploading', 'processing', 'ready', 'failed'] as const;
