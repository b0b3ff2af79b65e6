// Galleries as the studio edits them and as a client lists them, and the ids in their paths.
import * as z from 'zod/mini';
import { HeaderSafeText, Int, IntBetween, IsoDate, named, Text, Uuid } from '../../schemas.ts';
import { CLIENT_GALLERY_STATUSES, DOWNLOAD_OPTIONS, GALLERY_STATUSES, IMAGE_STATUSES, MAX_SELECTION, MAX_TAGS } from './constants.ts';

export const GalleryStatus = z.enum(GALLERY_STATUSES);
export type GalleryStatus = z.infer<typeof GalleryStatus>;
export const ClientGalleryStatus = z.enum(CLIENT_GALLERY_STATUSES);
export type ClientGalleryStatus = z.infer<typeof ClientGalleryStatus>;
export const ImageStatus = z.enum(IMAGE_STATUSES);
export type ImageStatus = z.infer<typeof ImageStatus>;
const Tag = Text(1, 30);
const Tags = z.array(Tag).check(z.maxLength(MAX_TAGS));

export const GalleryRules = named(
  z.strictObject({
    selection: z
      .strictObject({
        enabled: z.boolean(),
        min: IntBetween(0, MAX_SELECTION),
        max: z.nullable(IntBetween(1, MAX_SELECTION)),
      })
      .check(z.refine((s) => s.max === null || s.min <= s.max, { error: 'the minimum must not exceed the maximum', path: ['min'] })),
    favourites: z.boolean(),
    comments: z.boolean(),
    downloads: z.enum(DOWNLOAD_OPTIONS),
    viewOnly: z.boolean(),
    watermark: z.nullable(Text(1, 60)),
  }),
  'GalleryRules',
);
export type GalleryRules = z.infer<typeof GalleryRules>;

export const CreateGalleryBody = z.strictObject({
  clientId: Uuid,
  projectId: z.optional(z.nullable(Uuid)),
  title: HeaderSafeText(1, 120),
  shootDate: z.optional(z.nullable(IsoDate)),
  deadline: z.optional(z.nullable(IsoDate)),
  welcomeNote: z.optional(Text(0, 2000)),
  tags: z.optional(Tags),
  rules: z.optional(GalleryRules),
});
export type CreateGalleryBody = z.infer<typeof CreateGalleryBody>;

export const UpdateGalleryBody = z
  .partial(
    z.strictObject({
      title: HeaderSafeText(1, 120),
      shootDate: z.nullable(IsoDate),
      deadline: z.nullable(IsoDate),
      welcomeNote: Text(0, 2000),
      tags: Tags,
      rules: GalleryRules,
      status: GalleryStatus,
      coverImageId: z.nullable(Uuid),
      /** The team members who work on it (admins and owners only may set it). */
      assigneeIds: z.array(Uuid).check(z.maxLength(100)),
    }),
  )
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'send at least one field to change' }));
export type UpdateGalleryBody = z.infer<typeof UpdateGalleryBody>;

export const GalleryParams = z.strictObject({ galleryId: Uuid });
export const ImageParams = z.strictObject({ galleryId: Uuid, imageId: Uuid });

/** Fields a gallery has in both the studio's and the client's view. */
export const galleryFields = {
  galleryId: z.string(),
  title: z.string(),
  shootDate: z.nullable(z.string()),
  deadline: z.nullable(z.string()),
  welcomeNote: z.string(),
  tags: z.array(z.string()),
  rules: GalleryRules,
  imageCount: Int,
  selectedCount: Int,
  confirmedAt: z.nullable(z.string()),
};

export const StudioGallery = named(
  z.object({
    ...galleryFields,
    clientId: z.string(),
    clientName: z.string(),
    projectId: z.nullable(z.string()),
    status: GalleryStatus,
    coverImageId: z.nullable(z.string()),
    coverUrl: z.nullable(z.string()),
    assigneeIds: z.array(z.string()),
    createdAt: z.string(),
  }),
  'StudioGallery',
);
export type StudioGallery = z.infer<typeof StudioGallery>;

export const StudioImage = named(
  z.object({
    imageId: z.string(),
    fileName: z.string(),
    status: ImageStatus,
    failureReason: z.nullable(z.string()),
    width: z.nullable(z.number()),
    height: z.nullable(z.number()),
    takenAt: z.nullable(z.string()),
    thumbUrl: z.nullable(z.string()),
    placeholder: z.nullable(z.string()),
    selected: z.boolean(),
    favourite: z.boolean(),
    comments: Int,
  }),
  'StudioImage',
);
export type StudioImage = z.infer<typeof StudioImage>;

export const ClientGallery = named(
  z.object({
    galleryId: z.string(),
    title: z.string(),
    status: z.enum(CLIENT_GALLERY_STATUSES),
    shootDate: z.nullable(z.string()),
    deadline: z.nullable(z.string()),
    imageCount: Int,
    coverUrl: z.nullable(z.string()),
    projectId: z.nullable(z.string()),
    projectTitle: z.nullable(z.string()),
  }),
  'ClientGallery',
);
export type ClientGallery = z.infer<typeof ClientGallery>;
