// The image pipeline: an uploaded original in, web-sized derivatives and the record's metadata out.
//
//   original ──decode once (shrink-on-load), auto-rotate, sRGB, fit 2048──▶ preview pixels
//        preview pixels ─(+ watermark)─▶ preview.webp, preview.jpg
//        preview pixels ─fit 640, light sharpen─▶ thumb.webp, thumb.jpg ─fit 100─▶ ThumbHash
//
// Failures are sorted in two: a file we cannot render (not an image, damaged, unsupported, too
// large) is the upload's fault, so the record is marked failed with a reason the studio can act on
// and nothing is thrown: one bad file never holds up a gallery. Anything else (S3 or DynamoDB
// unavailable) throws, so Lambda retries the event.
//
// Its requests are elsewhere: the files' in data.ts, the image record's in galleries (its index).
//
// Memory and threads: sharp.cache(false), because a Lambda instance processes one image after
// another and libvips' operation cache would only keep the previous image's buffers alive. At
// 2048 MB Lambda gives about 1.2 vCPU, so libvips gets at most 2 threads: more threads than cores
// add per-thread tile buffers and context switches, not speed. The original is decoded once,
// straight to preview size (JPEG shrink-on-load decodes a 24 MP file at 1/2 scale); every other
// output is made from those preview pixels (at most 2048 × 2048 × 4 bytes = 16 MB), one after
// another, so peak memory is the original's bytes plus one decode.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import exifReader from 'exif-reader';
import sharp, { type Metadata } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { type DerivedFormat, objects, parseOriginalKey, VARIANT_SIZES, type Variant } from '../../data/objects.ts';
import { logger } from '../../logger.ts';
import { getGallery, getImage, markImageFailed, markImageReady, type ProcessedImage, rulesOf } from '../galleries/index.ts';
import { MAX_UPLOAD_BYTES } from './constants.ts';
import { deleteObject, ifStillThere, putDerivedFile, readObject } from './data.ts';
import { holdToTicket } from './domain/uploads.ts';

// Lambda has no system fonts: the watermark's font ships beside this module (and beside the
// Lambda bundle: the events stack copies the folder). Fontconfig reads this when it first renders text.
process.env.FONTCONFIG_FILE ??= fileURLToPath(new URL('./fonts/fonts.conf', import.meta.url));

sharp.cache(false);
sharp.concurrency(Math.min(2, availableParallelism()));

/**
 * Pixel bomb guard. A tiny file can declare a 50 000 × 50 000 image; decoding it would need
 * gigabytes. 120 MP still admits every real camera (100 MP medium format files are 11 656 × 8 742,
 * 102 MP) and caps the worst decode (a 16-bit RGBA PNG cannot shrink on load) near 1 GB, inside the
 * function's 2 GB.
 */
export const MAX_MEGAPIXELS = 120;
const MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000;

/** Formats a studio may upload (shared/schemas.ts UPLOAD_CONTENT_TYPES), as sharp names them. */
const READABLE = new Set(['jpeg', 'png', 'webp', 'tiff', 'heif']);

export const REASONS = {
  notAnImage: 'This file is not an image we can read',
  damaged: 'This image file is damaged or incomplete; export it again and re-upload',
  tooManyPixels: `Image is larger than ${MAX_MEGAPIXELS} megapixels`,
  tooLarge: `File is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
  heic: 'HEIC photos (HEVC) are not supported yet; export them as JPEG',
  unsupported: (format: string) => `${format.toUpperCase()} files are not supported; upload JPEG, PNG, WebP, TIFF or AVIF`,
  missing: 'The uploaded file is missing; upload it again',
  internal: 'Something went wrong while processing this image; upload it again',
} as const;

/** An upload we cannot turn into derivatives. The message is shown to the studio. */
export class UnprocessableImage extends Error {
  override name = 'UnprocessableImage';
}

const QUALITY = {
  preview: { webp: { quality: 80, effort: 4 }, jpeg: { quality: 82, mozjpeg: true } },
  thumb: { webp: { quality: 76, effort: 4 }, jpeg: { quality: 80, mozjpeg: true } },
} as const;

export const CONTENT_TYPES: Record<DerivedFormat, string> = { webp: 'image/webp', jpg: 'image/jpeg' };
/** Derived keys never change content except through a re-run of the pipeline; presigned URLs rotate anyway. */
export const DERIVED_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export interface RenderedFile {
  variant: Variant;
  format: DerivedFormat;
  body: Buffer;
  width: number;
  height: number;
}

export interface RenderedImage {
  /** Of the original, after auto-rotation. */
  width: number;
  height: number;
  takenAt: string | null;
  camera: string | null;
  /** ThumbHash, base64. */
  placeholder: string;
  files: RenderedFile[];
}

// ---------------------------------------------------------------------------------------------
// Pure part: bytes in, derivatives out. No AWS; the benchmark and the unit tests call it directly.

export async function renderImage(input: Buffer, opts: { watermark?: string | null } = {}): Promise<RenderedImage> {
  let meta: Metadata;
  try {
    // Header only: the pixel limit is checked below, with a better message than libvips'.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnprocessableImage(REASONS.notAnImage);
  }
  if (meta.format === 'heif' && meta.compression === 'hevc') throw new UnprocessableImage(REASONS.heic);
  if (!READABLE.has(meta.format)) throw new UnprocessableImage(REASONS.unsupported(meta.format));
  if (meta.width * meta.height > MAX_PIXELS) throw new UnprocessableImage(REASONS.tooManyPixels);
  const { takenAt, camera } = readExif(meta.exif);

  try {
    // The one decode. failOn 'truncated' refuses cut-off files but tolerates the harmless warnings
    // some cameras' JPEGs raise; the pixel limit backs up the check above.
    const preview = await sharp(input, { failOn: 'truncated', limitInputPixels: MAX_PIXELS, autoOrient: true })
      .resize(VARIANT_SIZES.preview, VARIANT_SIZES.preview, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const previewRaw = { width: preview.info.width, height: preview.info.height, channels: preview.info.channels };

    const thumb = await sharp(preview.data, { raw: previewRaw })
      .resize(VARIANT_SIZES.thumb, VARIANT_SIZES.thumb, { fit: 'inside', withoutEnlargement: true })
      .sharpen({ sigma: 0.5 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const thumbRaw = { width: thumb.info.width, height: thumb.info.height, channels: thumb.info.channels };

    const watermark = opts.watermark?.trim();
    const stamped = watermark ? await stamp(preview.data, previewRaw, watermark) : preview.data;

    const files: RenderedFile[] = [];
    const encode = async (variant: Variant, pixels: Buffer, raw: typeof previewRaw) => {
      const { width, height } = raw;
      const webp = await sharp(pixels, { raw }).webp(QUALITY[variant].webp).toBuffer();
      files.push({ variant, format: 'webp', body: webp, width, height });
      // JPEG has no alpha: transparent areas (PNG, WebP) go white rather than black.
      const jpg = await sharp(pixels, { raw }).flatten({ background: '#ffffff' }).jpeg(QUALITY[variant].jpeg).toBuffer();
      files.push({ variant, format: 'jpg', body: jpg, width, height });
    };
    await encode('thumb', thumb.data, thumbRaw);
    await encode('preview', stamped, previewRaw);

    const tiny = await sharp(thumb.data, { raw: thumbRaw })
      .resize(100, 100, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const placeholder = Buffer.from(rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data)).toString('base64');

    const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
    return { width: oriented.width, height: oriented.height, takenAt, camera, placeholder, files };
  } catch (error) {
    throw new UnprocessableImage(reasonFor(error), { cause: error });
  }
}

type RawInfo = { width: number; height: number; channels: 1 | 2 | 3 | 4 };

/** The preview with the watermark composited on, in the same raw layout (compositing adds alpha). */
async function stamp(pixels: Buffer, raw: RawInfo, watermark: string): Promise<Buffer> {
  const overlay = Buffer.from(watermarkSvg(watermark, raw.width, raw.height));
  const image = sharp(pixels, { raw }).composite([{ input: overlay }]);
  return (raw.channels === 4 ? image : image.removeAlpha()).raw().toBuffer();
}

/** libvips' error text → what the studio reads. */
function reasonFor(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return REASONS.tooManyPixels;
  if (/premature end|truncated|corrupt|bad huffman|invalid|read error|out of data|unexpected end/i.test(message)) return REASONS.damaged;
  if (/unsupported image format/i.test(message)) return REASONS.notAnImage;
  return REASONS.damaged;
}

export interface ExifFacts {
  /**
   * When the photo was taken, as the camera's clock showed it: `YYYY-MM-DDTHH:mm:ss.sss`, plus the
   * UTC offset when the camera recorded one (OffsetTimeOriginal), e.g. `…14:03:12.450+02:00`.
   * EXIF has no time zone otherwise, and claiming UTC ('Z') would shift the time for every viewer.
   */
  takenAt: string | null;
  /** "Make Model", without the brand twice ("Canon EOS R5", not "Canon Canon EOS R5"). */
  camera: string | null;
}

export function readExif(raw: Buffer | undefined): ExifFacts {
  if (!raw) return { takenAt: null, camera: null };
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(raw);
  } catch {
    // Broken EXIF never fails an image; it only loses the capture time and camera.
    return { takenAt: null, camera: null };
  }
  const photo = tags.Photo ?? {};
  const taken = photo.DateTimeOriginal ?? photo.DateTimeDigitized;
  return {
    takenAt: formatTakenAt(taken, text(photo.SubSecTimeOriginal), text(photo.OffsetTimeOriginal)),
    camera: cameraName(text(tags.Image?.Make), text(tags.Image?.Model)),
  };
}

function text(value: unknown): string | undefined {
  // EXIF strings are NUL-padded and often space-padded.
  return typeof value === 'string' ? value.replace(/\0/g, '').trim() || undefined : undefined;
}

/** exif-reader returns EXIF's local date-time as a Date whose UTC fields are the wall clock. */
export function formatTakenAt(date: unknown, subSec?: string, offset?: string): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2200) return null;
  const millis = subSec && /^\d+$/.test(subSec) ? subSec.slice(0, 3).padEnd(3, '0') : '000';
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return `${date.toISOString().slice(0, 19)}.${millis}${zone}`;
}

export function cameraName(make: string | undefined, model: string | undefined): string | null {
  const name = (() => {
    if (!model) return make ?? null;
    if (!make) return model;
    // "NIKON CORPORATION" + "NIKON Z 9" → "NIKON Z 9"; "Canon" + "Canon EOS R5" → "Canon EOS R5".
    const brand = make.split(/\s+/)[0]?.toLowerCase() ?? '';
    return model.toLowerCase().startsWith(brand) ? model : `${make} ${model}`;
  })();
  return name ? name.slice(0, 100) : null;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

/**
 * The watermark: the text repeated in staggered rows across the whole image at -30°, white at 30 %
 * with a faint dark outline so it reads on light and dark areas alike. Tiled edge to edge, so no
 * crop of the preview escapes it; small enough (3.5 % of the long edge) to leave the photo legible.
 */
export function watermarkSvg(watermark: string, width: number, height: number): string {
  const label = [...watermark.replace(/\s+/g, ' ').trim()].slice(0, 80).join('');
  const fontSize = Math.max(12, Math.round(Math.max(width, height) * 0.035));
  // DejaVu Sans Bold averages about 0.7 em per character; rows are staggered by half a step.
  const stepX = Math.round([...label].length * fontSize * 0.7 + fontSize * 3);
  const stepY = Math.round(fontSize * 4.5);
  const cx = width / 2;
  const cy = height / 2;
  const reach = Math.ceil(Math.hypot(width, height) / 2) + stepX;
  const marks: string[] = [];
  for (let row = 0, y = -reach; y <= reach; row++, y += stepY) {
    for (let x = -reach + (row % 2) * (stepX / 2); x <= reach; x += stepX) {
      marks.push(`<text x="${Math.round(cx + x)}" y="${Math.round(cy + y)}">${escapeXml(label)}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<g transform="rotate(-30 ${cx} ${cy})" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${fontSize}" text-anchor="middle" fill="#ffffff" fill-opacity="0.3" stroke="#000000" stroke-opacity="0.15" stroke-width="${Math.max(1, Math.round(fontSize / 36))}">
${marks.join('\n')}
</g>
</svg>`;
}

// ---------------------------------------------------------------------------------------------
// The pipeline step: one object key in, the image record updated.

export type ProcessOutcome = 'ready' | 'failed' | 'ignored' | 'deleted';

export async function processOriginal(key: string): Promise<ProcessOutcome> {
  const ids = parseOriginalKey(key);
  if (!ids) {
    logger.info('Not an original image key; ignored', { key });
    return 'ignored';
  }
  const { studioId, galleryId, imageId } = ids;
  const image = await getImage(galleryId, imageId);
  if (!image) {
    logger.info('Image record not found (deleted before processing); skipped', { key });
    return 'deleted';
  }
  if (image.studioId !== studioId) {
    logger.warn('Original key names another studio than its image record; ignored', { key, recordStudioId: image.studioId });
    return 'ignored';
  }
  const gallery = await getGallery(studioId, galleryId);
  if (!gallery) {
    logger.info('Gallery not found (deleted before processing); skipped', { key });
    return 'deleted';
  }

  const fail = async (reason: string): Promise<ProcessOutcome> => {
    logger.info('Image failed', { key, reason });
    return (await ifStillThere(() => markImageFailed(galleryId, imageId, reason))) ? 'failed' : 'deleted';
  };

  // Before a byte is read: the object is what its ticket said (size, type), or it is deleted and
  // the image failed. This also hands the image from uploading to processing.
  if (await holdToTicket(image)) return 'failed';

  const original = await readObject(key);
  if (!original) {
    // Refused meanwhile by the upload's completion, which deleted it: keep that reason.
    if ((await getImage(galleryId, imageId))?.status === 'failed') return 'failed';
    return fail(REASONS.missing);
  }
  if (original.length > MAX_UPLOAD_BYTES) return fail(REASONS.tooLarge);

  let rendered: RenderedImage;
  const started = performance.now();
  try {
    rendered = await renderImage(original, { watermark: rulesOf(gallery).watermark });
  } catch (error) {
    // Rendering depends on the bytes alone, so a retry could not succeed: fail the image.
    if (error instanceof UnprocessableImage) {
      logger.info('Unprocessable upload', { key, error: String(error.cause ?? error) });
      return fail(error.message);
    }
    logger.error('Image pipeline bug', { key, error });
    return fail(REASONS.internal);
  }

  const derived: NonNullable<ProcessedImage['derived']> = {};
  await Promise.all(
    rendered.files.map(async (file) => {
      const derivedKey = objects.derived(studioId, galleryId, imageId, file.variant, file.format);
      await putDerivedFile(derivedKey, file.body, CONTENT_TYPES[file.format], DERIVED_CACHE_CONTROL);
      derived[file.variant] = { ...derived[file.variant], [file.format]: derivedKey };
    }),
  );

  const result: ProcessedImage = {
    width: rendered.width,
    height: rendered.height,
    takenAt: rendered.takenAt,
    camera: rendered.camera,
    derived,
    placeholder: rendered.placeholder,
  };
  if ((await markImageReady(galleryId, imageId, result)) === 'gone') {
    // Deleted while we worked: leave no orphans behind.
    const keys = rendered.files.map((f) => objects.derived(studioId, galleryId, imageId, f.variant, f.format));
    await Promise.all(keys.map((k) => deleteObject(k)));
    logger.info('Image deleted during processing; derived files removed', { key });
    return 'deleted';
  }
  logger.info('Image ready', { key, ms: Math.round(performance.now() - started), width: result.width, height: result.height });
  return 'ready';
}
