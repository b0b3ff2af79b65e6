// What a preview is, as stored on a deliverable version or a project file version and as the API
// answers it: callers put `Preview` into their own record and reply schemas.
import * as z from 'zod/mini';
import { named } from '../../schemas.ts';
import { PREVIEW_KINDS } from './constants.ts';

export const PreviewPage = z.object({ key: z.string(), width: z.int(), height: z.int() });
export type PreviewPage = z.infer<typeof PreviewPage>;

export const Preview = named(
  z.object({
    kind: z.enum(PREVIEW_KINDS),
    state: z.enum(['ready', 'unavailable']),
    /** Why there is no (full) preview, written for the client: "The PDF is password-protected", … */
    reason: z.nullable(z.string()),
    /** image: one entry (the preview size); pdf: every page, in order; video and file: empty. */
    pages: z.array(PreviewPage),
    /** A small image for lists: the image's thumb, the PDF's page 1, the video's poster; null if none. */
    thumbKey: z.nullable(z.string()),
    /** Video only: the poster frame (full size), or null. */
    posterKey: z.nullable(z.string()),
    /** Video only: whether browsers play it (MP4/MOV with H.264 or AV1, WebM with VP8, VP9 or AV1). */
    playable: z.nullable(z.boolean()),
    durationSeconds: z.nullable(z.number()),
    pageCount: z.nullable(z.int()),
  }),
  'FilePreview',
);
export type Preview = z.infer<typeof Preview>;
export type PreviewKind = Preview['kind'];
