// Images: auto-rotated, one preview (long edge IMAGE_PREVIEW_PX) and a thumb (THUMB_PX), as WebP.
// The original is decoded once, straight to preview size (shrink-on-load); the thumb is made from
// the preview's pixels, as the gallery pipeline does (shared/features/uploads/pipeline.ts).
import sharp, { type Metadata, type Sharp, type WebpOptions } from 'sharp';
import { IMAGE_MAX_MEGAPIXELS, IMAGE_PREVIEW_PX, THUMB_PX } from '../constants.ts';
import { REASONS } from './rules.ts';

sharp.cache(false);

const MAX_PIXELS = IMAGE_MAX_MEGAPIXELS * 1_000_000;
/** What sharp reads here (its format names); HEIC only when it is AV1-coded (AVIF), as libvips ships no HEVC. */
const READABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);

/** A picture the renderers made: WebP bytes and their size. */
export interface WebpFile {
  body: Buffer;
  width: number;
  height: number;
}

/** Why a file could not be previewed (the message is the client's reason); anything else is ours and throws. */
export class NoPreview extends Error {
  override name = 'NoPreview';
}

export const WEBP = { preview: { quality: 80, effort: 4 }, thumb: { quality: 76, effort: 4 } } as const;

export async function renderImage(input: Buffer): Promise<{ preview: WebpFile; thumb: WebpFile }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new NoPreview(REASONS.imageUnreadable);
  }
  if (meta.format === 'heif' && meta.compression === 'hevc') throw new NoPreview(REASONS.heic);
  if (!READABLE.has(meta.format)) throw new NoPreview(REASONS.imageUnreadable);
  // An animated GIF or WebP is `pageHeight` tall per frame: only the first frame is decoded.
  if (meta.width * (meta.pageHeight ?? meta.height) > MAX_PIXELS) throw new NoPreview(REASONS.imageTooManyPixels);
  try {
    const pixels = await sharp(input, { failOn: 'truncated', limitInputPixels: MAX_PIXELS, autoOrient: true })
      .resize(IMAGE_PREVIEW_PX, IMAGE_PREVIEW_PX, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels };
    const preview = await toWebp(sharp(pixels.data, { raw }), WEBP.preview);
    const thumb = await toWebp(
      sharp(pixels.data, { raw }).resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).sharpen({ sigma: 0.5 }),
      WEBP.thumb,
    );
    return { preview, thumb };
  } catch (error) {
    throw new NoPreview(REASONS.imageUnreadable, { cause: error });
  }
}

export async function toWebp(image: Sharp, options: WebpOptions): Promise<WebpFile> {
  const out = await image.webp(options).toBuffer({ resolveWithObject: true });
  return { body: out.data, width: out.info.width, height: out.info.height };
}

/** A thumb (long edge THUMB_PX, never enlarged) of an encoded picture. */
export function thumbOf(picture: Buffer): Promise<WebpFile> {
  return toWebp(sharp(picture).resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }), WEBP.thumb);
}
