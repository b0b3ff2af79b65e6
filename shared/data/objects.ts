// The bucket's key layout, in one place. Prefixes are what S3 event notifications filter on, so
// each kind of object that triggers work starts with its own literal prefix.
//
// | Key                                                        | What                                     |
// |------------------------------------------------------------|------------------------------------------|
// | originals/<studioId>/<galleryId>/<imageId>                 | an uploaded original (never served unless the rules allow) → image pipeline |
// | derived/<studioId>/<galleryId>/<imageId>/<variant>.<ext>   | thumbnails and previews the pipeline makes |
// | branding/<studioId>/logo.<ext>                             | a studio's logo (seeded)                 |
// | logos/<studioId>/<issuedAt>.<uploadId>                     | an uploaded logo, as sent → logo pipeline (then deleted) |
// | branding/<studioId>/<issuedAt>.<uploadId>/<variant>.<ext>  | the logo sizes the pipeline makes (header, email) |
// | jobs/zip/<jobId>.json                                      | a ZIP request → the ZIP worker           |
// | tmp/zips/<jobId>/<name>.zip                                | a finished ZIP (expires after a day)     |
// | deliverables/<studioId>/<projectId>/<deliverableId>/v<n>    | an uploaded deliverable version, as sent → deliverables' preview event |
// | previews/<studioId>/<projectId>/<itemId>/v<version>/…      | the previews made of it (shared/features/previews): page-<n>.webp, preview.webp, poster.webp, thumb.webp |
// | files/<studioId>/<projectId>/<fileId>/v<version>           | a project's shared file (one version), as uploaded → the files pipeline (previews under previews/…/<fileId>/v<version>/) |
// | messages/<studioId>/<threadId>/<attachmentId>              | a file sent with a message (small images are shown from a presigned link) |
// | invoices/<studioId>/<invoiceId>.pdf                        | a sent invoice's PDF                     |
// | tmp/invoice-drafts/<studioId>/<invoiceId>/v<n>.pdf         | a draft invoice's PDF (expires with tmp/) |

export type Variant = 'thumb' | 'preview';
export type DerivedFormat = 'webp' | 'jpg';

/** Long edge of each derived size, in pixels. */
export const VARIANT_SIZES: Record<Variant, number> = { thumb: 640, preview: 2048 };

export const objects = {
  original: (studioId: string, galleryId: string, imageId: string) => `originals/${studioId}/${galleryId}/${imageId}`,
  derived: (studioId: string, galleryId: string, imageId: string, variant: Variant, format: DerivedFormat) =>
    `derived/${studioId}/${galleryId}/${imageId}/${variant}.${format}`,
  logo: (studioId: string, ext: string) => `branding/${studioId}/logo.${ext}`,
  logoUpload: (studioId: string, uploadId: string) => `logos/${studioId}/${uploadId}`,
  logoDerived: (studioId: string, uploadId: string, variant: string, ext: string) => `branding/${studioId}/${uploadId}/${variant}.${ext}`,
  zipJob: (jobId: string) => `jobs/zip/${jobId}.json`,
  /** A batch of notes to deliver off the request path (shared/features/notifications `notifyLater`). */
  notifyJob: (jobId: string) => `jobs/notify/${jobId}.json`,
  zipOutput: (jobId: string, name: string) => `tmp/zips/${jobId}/${name}.zip`,
  /** One version of a deliverable, as uploaded (shared/features/deliverables). */
  deliverableUpload: (studioId: string, projectId: string, deliverableId: string, version: number) =>
    `deliverables/${studioId}/${projectId}/${deliverableId}/v${version}`,
  /** The folder (ending in '/') a version's previews are written under: makePreview's `derivedPrefix`. */
  previewPrefix: (studioId: string, projectId: string, itemId: string, version: number) =>
    `previews/${studioId}/${projectId}/${itemId}/v${version}/`,
  /** One version of a file in a project's Files tab (shared/features/files). */
  projectFile: (studioId: string, projectId: string, fileId: string, version: number) =>
    `files/${studioId}/${projectId}/${fileId}/v${version}`,
  /** A file sent with a message (shared/features/conversations). */
  messageAttachment: (studioId: string, threadId: string, attachmentId: string) => `messages/${studioId}/${threadId}/${attachmentId}`,
  /** A file a client attaches to their feedback on a project (shared/features/feedback): theirs by its key. */
  feedbackAttachment: (studioId: string, projectId: string, clientId: string, attachmentId: string) =>
    `feedback/${studioId}/${projectId}/${clientId}/${attachmentId}`,
  /** A release's document, exactly as every signer is shown it (its page images: releasePages). */
  releaseDocument: (studioId: string, releaseId: string) => `release-documents/${studioId}/${releaseId}.pdf`,
  /** The folder (ending in '/') of a release's page images: makePreview's `derivedPrefix`. */
  releasePages: (studioId: string, releaseId: string) => `releases/${studioId}/${releaseId}/pages/`,
  /** A signer's signature (and initials), kept for the seal. */
  releaseSignature: (studioId: string, releaseId: string, signerId: string) =>
    `releases/${studioId}/${releaseId}/signatures/${signerId}.json`,
  releaseSealed: (studioId: string, releaseId: string) => `releases/${studioId}/${releaseId}/sealed.pdf`,
  releaseBundle: (studioId: string, releaseId: string, bundleId: string) => `tmp/bundles/${studioId}/${releaseId}/${bundleId}.zip`,
  /** A studio's own PDF template. */
  releaseTemplatePdf: (studioId: string, templateId: string) => `release-templates/${studioId}/${templateId}.pdf`,
  /** A sent invoice's PDF, as mailed to the client (fixed, like the invoice). */
  invoicePdf: (studioId: string, invoiceId: string) => `invoices/${studioId}/${invoiceId}.pdf`,
  /** A draft's PDF, made when asked for (expires with tmp/). */
  invoiceDraftPdf: (studioId: string, invoiceId: string, version: number) => `tmp/invoice-drafts/${studioId}/${invoiceId}/v${version}.pdf`,
} as const;

export const PREFIX = {
  originals: 'originals/',
  zipJobs: 'jobs/zip/',
  notifyJobs: 'jobs/notify/',
  logoUploads: 'logos/',
  deliverableUploads: 'deliverables/',
  previews: 'previews/',
  projectFiles: 'files/',
  releaseDocuments: 'release-documents/',
} as const;

/**
 * logos/<studioId>/<issuedAt>.<uuid> → its parts, or null for any other key. The ticket's issue
 * time rides in the key, so the pipeline knows which of two uploads is the newer.
 */
export function parseLogoUploadKey(key: string): { studioId: string; uploadId: string; issuedAt: number } | null {
  const m = /^logos\/([0-9a-f-]{36})\/((\d{13})\.[0-9a-f-]{36})$/.exec(key);
  return m ? { studioId: m[1] as string, uploadId: m[2] as string, issuedAt: Number(m[3]) } : null;
}

/** originals/<studioId>/<galleryId>/<imageId> → its parts, or null for any other key. */
export function parseOriginalKey(key: string): { studioId: string; galleryId: string; imageId: string } | null {
  const m = /^originals\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/([0-9a-f-]{36})$/.exec(key);
  return m ? { studioId: m[1] as string, galleryId: m[2] as string, imageId: m[3] as string } : null;
}

/** deliverables/<studioId>/<projectId>/<deliverableId>/v<n> → its parts, or null for any other key. */
export function parseDeliverableUploadKey(
  key: string,
): { studioId: string; projectId: string; deliverableId: string; version: number } | null {
  const m = /^deliverables\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/v([1-9]\d{0,3})$/.exec(key);
  return m ? { studioId: m[1] as string, projectId: m[2] as string, deliverableId: m[3] as string, version: Number(m[4]) } : null;
}

/** files/<studioId>/<projectId>/<fileId>/v<version> → its parts, or null for any other key. */
export function parseProjectFileKey(key: string): { studioId: string; projectId: string; fileId: string; version: number } | null {
  const m = /^files\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/v([1-9]\d{0,3})$/.exec(key);
  return m ? { studioId: m[1] as string, projectId: m[2] as string, fileId: m[3] as string, version: Number(m[4]) } : null;
}

/** release-documents/<studioId>/<releaseId>.pdf → its parts, or null for any other key. */
export function parseReleaseDocumentKey(key: string): { studioId: string; releaseId: string } | null {
  const m = /^release-documents\/([^/]+)\/([^/]+)\.pdf$/.exec(key);
  return m ? { studioId: m[1]!, releaseId: m[2]! } : null;
}
