// Request and response schemas shared by handlers, the OpenAPI document and the site.
import { z } from 'zod';

export const Email = z
  .email({ error: 'must be a valid email address' })
  .max(254)
  .transform((s) => s.toLowerCase());
export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be an id' });
export const Slug = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: 'lowercase letters, digits and inner hyphens only' })
  .refine((s) => !RESERVED_SLUGS.has(s), { error: 'this address is reserved' });
export const IsoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
export const Password = z
  .string()
  .min(10, { error: 'at least 10 characters' })
  .max(128)
  .regex(/[a-z]/, { error: 'needs a lowercase letter' })
  .regex(/[A-Z]/, { error: 'needs an uppercase letter' })
  .regex(/[0-9]/, { error: 'needs a digit' });
export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1a2b3c' });

export const RESERVED_SLUGS = new Set(['www', 'app', 'api', 'admin', 'mail', 'portal', 'static', 'assets', 'cdn', 'dashboard']);

export const ErrorBody = z
  .object({
    error: z.string().meta({ description: 'machine-readable error code' }),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: 'Error' });

export const Branding = z
  .object({
    name: z.string(),
    slug: z.string(),
    logoUrl: z.string().nullable(),
    accentColor: z.string(),
    welcomeMessage: z.string(),
    supportEmail: z.string().nullable(),
  })
  .meta({ id: 'Branding' });

export const StudioUser = z.object({ userId: z.string(), email: z.string(), name: z.string() }).meta({ id: 'StudioUser' });

export const ClientStatus = z.enum(['invited', 'active', 'expired']);
export const ClientSummary = z
  .object({
    clientId: z.string(),
    email: z.string(),
    name: z.string(),
    status: ClientStatus,
    invitedAt: z.string(),
    lastSignInAt: z.string().nullable(),
    accessExpiresAt: z.string().nullable(),
  })
  .meta({ id: 'Client' });

export const GalleryStatus = z.enum(['draft', 'proofing', 'locked', 'ready', 'archived']);
export const ClientGallery = z
  .object({
    galleryId: z.string(),
    title: z.string(),
    status: z.union([GalleryStatus.exclude(['draft']), z.literal('unavailable')]),
    shootDate: z.string().nullable(),
    deadline: z.string().nullable(),
    imageCount: z.number().int(),
    coverUrl: z.string().nullable(),
    projectTitle: z.string().nullable(),
  })
  .meta({ id: 'ClientGallery' });

// ---- request bodies ----
export const StudioSignUpBody = z.strictObject({
  studioName: z.string().trim().min(1).max(80),
  slug: Slug,
  name: z.string().trim().min(1).max(80),
  email: Email,
  password: Password,
});
export const StudioSignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(128) });
export const InviteClientBody = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(80),
  accessExpiresAt: IsoDate.optional().refine((d) => d === undefined || d >= new Date().toISOString().slice(0, 10), {
    error: 'must be today or later',
  }),
});
export const MagicLinkBody = z.strictObject({ email: Email });
export const RedeemMagicLinkBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid sign-in link' }),
});

// ---- galleries and proofing ----
export const Uuid = z.uuid({ error: 'must be an id' });
export const ClientGalleryStatus = z.enum(['proofing', 'locked', 'ready', 'archived', 'unavailable']);
const Tag = z.string().trim().min(1).max(30);

export const GalleryRules = z
  .strictObject({
    selection: z
      .strictObject({
        enabled: z.boolean(),
        min: z.number().int().min(0).max(10_000),
        max: z.number().int().min(1).max(10_000).nullable(),
      })
      .refine((s) => s.max === null || s.min <= s.max, { error: 'the minimum must not exceed the maximum', path: ['min'] }),
    favourites: z.boolean(),
    comments: z.boolean(),
    downloads: z.enum(['off', 'web', 'original']),
    viewOnly: z.boolean(),
    watermark: z.string().trim().min(1).max(60).nullable(),
  })
  .meta({ id: 'GalleryRules' });

export const CreateGalleryBody = z.strictObject({
  clientId: Uuid,
  projectId: Uuid.nullable().optional(),
  title: z.string().trim().min(1).max(120),
  shootDate: IsoDate.nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  welcomeNote: z.string().trim().max(2000).optional(),
  tags: z.array(Tag).max(20).optional(),
  rules: GalleryRules.optional(),
});

export const UpdateGalleryBody = z
  .strictObject({
    title: z.string().trim().min(1).max(120),
    shootDate: IsoDate.nullable(),
    deadline: IsoDate.nullable(),
    welcomeNote: z.string().trim().max(2000),
    tags: z.array(Tag).max(20),
    rules: GalleryRules,
    status: GalleryStatus,
    coverImageId: Uuid.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one field to change' });

export const GalleryParams = z.strictObject({ galleryId: Uuid });
export const ImageParams = z.strictObject({ galleryId: Uuid, imageId: Uuid });

/** Fields a gallery has in both the studio's and the client's view. */
const galleryFields = {
  galleryId: z.string(),
  title: z.string(),
  shootDate: z.string().nullable(),
  deadline: z.string().nullable(),
  welcomeNote: z.string(),
  tags: z.array(z.string()),
  rules: GalleryRules,
  imageCount: z.number().int(),
  selectedCount: z.number().int(),
  confirmedAt: z.string().nullable(),
};

export const StudioGallery = z
  .object({
    ...galleryFields,
    clientId: z.string(),
    clientName: z.string(),
    projectId: z.string().nullable(),
    status: GalleryStatus,
    coverImageId: z.string().nullable(),
    coverUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'StudioGallery' });

export const ImageStatus = z.enum(['uploading', 'processing', 'ready', 'failed']);
export const StudioImage = z
  .object({
    imageId: z.string(),
    fileName: z.string(),
    status: ImageStatus,
    failureReason: z.string().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    takenAt: z.string().nullable(),
    thumbUrl: z.string().nullable(),
    placeholder: z.string().nullable(),
    selected: z.boolean(),
    favourite: z.boolean(),
    comments: z.number().int(),
  })
  .meta({ id: 'StudioImage' });

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic', 'image/heif'] as const;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const UploadFile = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: path separators and control characters are what is refused
    .refine((n) => !/[/\\\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', { error: 'must be a plain file name' }),
  contentType: z.enum(UPLOAD_CONTENT_TYPES, { error: `must be one of ${UPLOAD_CONTENT_TYPES.join(', ')}` }),
  size: z.number().int().min(1).max(MAX_UPLOAD_BYTES, { error: 'files are limited to 200 MB' }),
});
/** Up to 100 files per call, so a drop of thousands needs few round trips. */
export const CreateUploadsBody = z.strictObject({ files: z.array(UploadFile).min(1).max(100) });
export const UploadTicket = z
  .object({
    imageId: z.string(),
    /** Small files: one presigned PUT. */
    put: z.object({ url: z.string(), headers: z.record(z.string(), z.string()) }).nullable(),
    /** Large files: presigned multipart parts, uploaded in parallel, then completed. */
    multipart: z
      .object({
        uploadId: z.string(),
        partSize: z.number().int(),
        parts: z.array(z.object({ partNumber: z.number().int(), url: z.string() })),
      })
      .nullable(),
  })
  .meta({ id: 'UploadTicket' });
export const CompleteUploadBody = z.strictObject({
  uploadId: z.string().min(1).max(1024).optional(),
  parts: z
    .array(z.strictObject({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
    .max(10_000)
    .optional(),
});

export const ClientImage = z
  .object({
    imageId: z.string(),
    fileName: z.string(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    takenAt: z.string().nullable(),
    placeholder: z.string().nullable(),
    thumbUrl: z.string(),
    previewUrl: z.string(),
    favourite: z.boolean(),
    selected: z.boolean(),
    comments: z.number().int(),
  })
  .meta({ id: 'ClientImage' });

export const ClientGalleryDetail = z
  .object({
    ...galleryFields,
    status: ClientGalleryStatus,
    /** What this client may do now: the UI shows exactly these actions. */
    can: z.object({ favourite: z.boolean(), select: z.boolean(), comment: z.boolean(), confirm: z.boolean(), download: z.boolean() }),
  })
  .meta({ id: 'ClientGalleryDetail' });

export const FavouriteBody = z.strictObject({ favourite: z.boolean() });
export const SelectionBody = z.strictObject({ selected: z.boolean() });
export const CommentBody = z.strictObject({ text: z.string().trim().min(1).max(1000) });
export const Comment = z
  .object({
    commentId: z.string(),
    imageId: z.string(),
    author: z.enum(['client', 'studio']),
    authorName: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Comment' });
export const Submission = z
  .object({
    submissionId: z.string(),
    galleryId: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    clientEmail: z.string(),
    confirmedAt: z.string(),
    count: z.number().int(),
    fileNames: z.array(z.string()),
  })
  .meta({ id: 'Submission' });
export const ZipBody = z.strictObject({ scope: z.enum(['all', 'selected']) });
export const ZipParams = z.strictObject({ galleryId: Uuid, jobId: Uuid });
export const ZipJobStatus = z
  .object({
    jobId: z.string(),
    status: z.enum(['queued', 'running', 'ready', 'failed']),
    filesDone: z.number().int(),
    totalFiles: z.number().int(),
    bytesDone: z.number(),
    totalBytes: z.number().nullable(),
    url: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ZipJob' });

// ---- share links and activity ----
export const CreateShareLinkBody = z.strictObject({
  access: z.enum(['view', 'download']),
  password: z.string().min(6, { error: 'at least 6 characters' }).max(100).optional(),
  expiresAt: IsoDate.optional().refine((d) => d === undefined || d >= new Date().toISOString().slice(0, 10), {
    error: 'must be today or later',
  }),
});
export const ShareLink = z
  .object({
    linkId: z.string(),
    access: z.enum(['view', 'download']),
    hasPassword: z.boolean(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
    uses: z.number().int(),
    lastUsedAt: z.string().nullable(),
    /** Only in the answer that creates the link: the token is stored hashed and cannot be shown again. */
    url: z.string().optional(),
  })
  .meta({ id: 'ShareLink' });
export const ShareLinkParams = z.strictObject({ galleryId: Uuid, linkId: Uuid });
const ShareToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid share link' });
export const OpenShareBody = z.strictObject({ token: ShareToken, password: z.string().max(100).optional() });
export const ShareDownloadBody = z.strictObject({ token: ShareToken, password: z.string().max(100).optional(), imageId: Uuid });
export const SharedImage = z
  .object({
    imageId: z.string(),
    fileName: z.string(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    placeholder: z.string().nullable(),
    thumbUrl: z.string(),
    previewUrl: z.string(),
  })
  .meta({ id: 'SharedImage' });
export const Activity = z
  .object({
    clients: z.array(
      z.object({
        clientId: z.string(),
        clientName: z.string(),
        views: z.number().int(),
        downloads: z.number().int(),
        lastViewAt: z.string().nullable(),
        lastDownloadAt: z.string().nullable(),
      }),
    ),
    shareLinks: z.array(ShareLink),
  })
  .meta({ id: 'GalleryActivity' });
