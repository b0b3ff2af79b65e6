// Share links (lighter than a portal invitation) and a gallery's activity.
import * as z from 'zod/mini';
import { pageFields } from '../../paging.ts';
import { FutureIsoDate, Int, named, Uuid } from '../../schemas.ts';

export const SHARE_ACCESS = ['view', 'download'] as const;
export const CreateShareLinkBody = z.strictObject({
  access: z.enum(SHARE_ACCESS),
  password: z.optional(z.string().check(z.minLength(6, { error: 'at least 6 characters' }), z.maxLength(100))),
  expiresAt: FutureIsoDate,
});
export const ShareLink = named(
  z.object({
    linkId: z.string(),
    access: z.enum(SHARE_ACCESS),
    hasPassword: z.boolean(),
    expiresAt: z.nullable(z.string()),
    revokedAt: z.nullable(z.string()),
    createdAt: z.string(),
    uses: Int,
    lastUsedAt: z.nullable(z.string()),
    /** Only in the answer that creates the link: the token is stored hashed and cannot be shown again. */
    url: z.optional(z.string()),
  }),
  'ShareLink',
);
export type ShareLink = z.infer<typeof ShareLink>;
export const ShareLinkParams = z.strictObject({ galleryId: Uuid, linkId: Uuid });
const ShareToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid share link' }));
const SharePassword = z.optional(z.string().check(z.maxLength(100)));
export const OpenShareBody = z.strictObject({ token: ShareToken, password: SharePassword });
export const ShareDownloadBody = z.strictObject({ token: ShareToken, password: SharePassword, imageId: Uuid });
export const SharedImage = named(
  z.object({
    imageId: z.string(),
    fileName: z.string(),
    width: z.nullable(z.number()),
    height: z.nullable(z.number()),
    placeholder: z.nullable(z.string()),
    thumbUrl: z.string(),
    previewUrl: z.string(),
  }),
  'SharedImage',
);
export type SharedImage = z.infer<typeof SharedImage>;
export const SharedGallery = z.object({
  title: z.string(),
  shootDate: z.nullable(z.string()),
  welcomeNote: z.string(),
  canDownload: z.boolean(),
});
export const Activity = named(
  z.object({
    clients: z.array(
      z.object({
        clientId: z.string(),
        clientName: z.string(),
        views: Int,
        downloads: Int,
        lastViewAt: z.nullable(z.string()),
        lastDownloadAt: z.nullable(z.string()),
      }),
    ),
    ...pageFields,
  }),
  'GalleryActivity',
);
export type Activity = z.infer<typeof Activity>;
