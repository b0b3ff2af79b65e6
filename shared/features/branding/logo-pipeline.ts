// The logo pipeline: an uploaded logo in (logos/<studioId>/<issuedAt>.<id>, shared/events.ts), the
// sizes the portal and the emails show out, and only then the studio pointed at them.
//
// The ticket signed the type and size, but not the bytes: sharp reads the header first, so a file
// that is no PNG, JPEG or WebP (a renamed SVG, a script, a PDF) is refused before any decode and
// the studio keeps its logo. Either way the upload itself is deleted: only the derived files stay.
// Failures of S3 or DynamoDB throw, so Lambda retries the event; a refused file is logged, not thrown.
import sharp from 'sharp';
import { objects, parseLogoUploadKey } from '../../data/objects.ts';
import { logger } from '../../logger.ts';
import { getStudio } from '../studios/index.ts';
import { LOGO_MAX_BYTES, LOGO_SIZES, type LogoVariant } from './constants.ts';
import { deleteLogoObjects, putLogoFile, readLogoUpload, setStudioLogo } from './data.ts';
import { logoFiles } from './domain/branding.ts';

sharp.cache(false);

/** A logo is small: 40 MP is generous, and caps the decode of a pixel bomb well inside the function's memory. */
const MAX_LOGO_PIXELS = 40_000_000;
/** What a logo may really be (sharp's names), whatever its Content-Type said. */
const LOGO_FORMATS = new Set(['png', 'jpeg', 'webp']);

export class UnusableLogo extends Error {
  override name = 'UnusableLogo';
}

export interface RenderedLogo {
  variant: LogoVariant;
  body: Buffer;
  contentType: string;
  width: number;
  height: number;
}

/** Pure: bytes in, the logo's sizes out (no AWS; the unit tests call it directly). */
export async function renderLogo(input: Buffer): Promise<RenderedLogo[]> {
  let format: string | undefined;
  let pixels: number;
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = meta.width * meta.height;
  } catch {
    throw new UnusableLogo('not an image');
  }
  if (!format || !LOGO_FORMATS.has(format)) throw new UnusableLogo(`not a PNG, JPEG or WebP image (${format ?? 'unknown'})`);
  if (pixels > MAX_LOGO_PIXELS) throw new UnusableLogo('too many pixels');
  try {
    return await Promise.all(
      (Object.keys(LOGO_SIZES) as LogoVariant[]).map(async (variant) => {
        const size = LOGO_SIZES[variant];
        // Fit inside the box, never enlarged: a small logo stays sharp, a large one shrinks.
        const resized = sharp(input, { failOn: 'truncated', limitInputPixels: MAX_LOGO_PIXELS, autoOrient: true })
          .resize(size.width, size.height, { fit: 'inside', withoutEnlargement: true })
          .toColourspace('srgb');
        const out =
          size.format === 'png'
            ? await resized.png({ compressionLevel: 9, palette: true }).toBuffer({ resolveWithObject: true })
            : await resized.webp({ quality: 90, alphaQuality: 100 }).toBuffer({ resolveWithObject: true });
        return {
          variant,
          body: out.data,
          contentType: size.format === 'png' ? 'image/png' : 'image/webp',
          width: out.info.width,
          height: out.info.height,
        };
      }),
    );
  } catch (error) {
    throw new UnusableLogo('damaged or incomplete', { cause: error });
  }
}

export type LogoOutcome = 'applied' | 'refused' | 'superseded' | 'ignored';

export async function processLogoUpload(key: string): Promise<LogoOutcome> {
  const ids = parseLogoUploadKey(key);
  if (!ids) {
    logger.info('Not a logo upload key; ignored', { key });
    return 'ignored';
  }
  const { studioId, uploadId, issuedAt } = ids;
  const upload = await readLogoUpload(key);
  if (!upload) return 'ignored'; // Already processed (a retried event) and deleted.
  const studio = await getStudio(studioId);
  if (!studio || (studio.logoIssuedAt ?? 0) >= issuedAt) {
    await deleteLogoObjects([key]);
    logger.info(studio ? 'A newer logo was applied meanwhile; upload dropped' : 'Studio gone; logo upload dropped', { key });
    return studio ? 'superseded' : 'ignored';
  }
  let rendered: RenderedLogo[];
  try {
    if (upload.body.length > LOGO_MAX_BYTES) throw new UnusableLogo('too large');
    rendered = await renderLogo(upload.body);
  } catch (error) {
    if (!(error instanceof UnusableLogo)) throw error;
    logger.info('Logo refused; the studio keeps its logo', { key, reason: error.message });
    await deleteLogoObjects([key]);
    return 'refused';
  }
  const keyOf = (f: RenderedLogo) => objects.logoDerived(studioId, uploadId, f.variant, LOGO_SIZES[f.variant].format);
  await Promise.all(rendered.map((f) => putLogoFile(keyOf(f), f.body, f.contentType)));
  const header = rendered.find((f) => f.variant === 'header') as RenderedLogo;
  const email = rendered.find((f) => f.variant === 'email') as RenderedLogo;
  // Only now, with every file in place, does the studio point at them (unless something newer won).
  const set = await setStudioLogo(studioId, { logoKey: keyOf(header), logoEmailKey: keyOf(email), issuedAt });
  await deleteLogoObjects(set ? [key, ...logoFiles(set.before)] : [key, ...rendered.map(keyOf)]);
  logger.info(set ? 'Logo applied' : 'A newer logo won meanwhile; this one dropped', { key });
  return set ? 'applied' : 'superseded';
}
