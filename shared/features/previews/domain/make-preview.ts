// makePreview: an uploaded original in, browser-viewable previews out, under the caller's prefix.
//
//   image  ─sharp: auto-rotate, fit 2048─▶ preview.webp ─fit 640─▶ thumb.webp
//   pdf    ─PDFium, page by page, fit 1600─▶ page-0001.webp … ; page 1 ─fit 640─▶ thumb.webp
//   video  ─mediabunny (ranged reads): track, codec, duration─▶ VP8 keyframe (or ffmpeg) ─▶ poster.webp, thumb.webp
//   file   ─▶ nothing to draw
//
// A file we cannot preview (empty, damaged, encrypted, too long, no video track, a codec browsers
// do not play) is the upload's fault: the Preview says why in words for the client, and nothing is
// thrown. Anything else (S3 unavailable, a bug) throws, so Lambda retries the event. The derived
// keys are fixed per prefix, so a retried event overwrites the same objects.
import { config, limits } from '../../../config.ts';
import { logger } from '../../../logger.ts';
import { IMAGE_MAX_BYTES, PDF_MAX_BYTES } from '../constants.ts';
import { OriginalMissing, posterFrameByFfmpeg, putPreviewFile, readOriginal, readOriginalRange } from '../data.ts';
import type { Preview, PreviewKind } from '../schemas.ts';
import { NoPreview, renderImage } from './image.ts';
import { renderPdf } from './pdf.ts';
import { previewKindOf, REASONS, ready, unavailable } from './rules.ts';
import { posterOf, probeVideo } from './video.ts';

export interface PreviewInput {
  /** The original's key in the bucket. */
  key: string;
  contentType: string;
  fileName: string;
  /** The original's size in bytes (from the object event). */
  size: number;
  /** Where the derived objects go, ending in '/': objects.previewPrefix(…). */
  derivedPrefix: string;
}

const WEBP_TYPE = 'image/webp';
/** page-0001.webp …: names that sort in page order. */
export const pageFileName = (n: number) => `page-${String(n).padStart(4, '0')}.webp`;

/** Reads the original, writes the previews under `derivedPrefix`, and says what there is to show. Never throws for a bad file. */
export async function makePreview(input: PreviewInput): Promise<Preview> {
  const kind = previewKindOf(input.contentType, input.fileName);
  if (!input.derivedPrefix.endsWith('/')) throw new Error(`derivedPrefix must end in '/': ${input.derivedPrefix}`);
  if (input.size === 0) return unavailable(kind, REASONS.empty);
  try {
    const preview = await previewOf(kind, input);
    logger.info('Preview made', { key: input.key, kind, state: preview.state, pageCount: preview.pageCount });
    return preview;
  } catch (error) {
    if (error instanceof OriginalMissing) return unavailable(kind, REASONS.missing);
    if (!(error instanceof NoPreview)) throw error;
    logger.info('No preview', { key: input.key, kind, reason: error.message });
    return unavailable(kind, error.message);
  }
}

async function previewOf(kind: PreviewKind, input: PreviewInput): Promise<Preview> {
  const at = (name: string) => `${input.derivedPrefix}${name}`;
  switch (kind) {
    case 'file':
      return ready('file');
    case 'image': {
      const bytes = await original(input, IMAGE_MAX_BYTES);
      const { preview, thumb } = await renderImage(bytes);
      await Promise.all([
        putPreviewFile(at('preview.webp'), preview.body, WEBP_TYPE),
        putPreviewFile(at('thumb.webp'), thumb.body, WEBP_TYPE),
      ]);
      return ready('image', {
        pages: [{ key: at('preview.webp'), width: preview.width, height: preview.height }],
        thumbKey: at('thumb.webp'),
      });
    }
    case 'pdf': {
      const bytes = await original(input, PDF_MAX_BYTES);
      const pages: Preview['pages'] = [];
      const { pageCount } = await renderPdf(bytes, {
        maxPages: limits.pdfPreviewMaxPages,
        write: async (page, thumb) => {
          const key = at(pageFileName(page.number));
          pages.push({ key, width: page.width, height: page.height });
          await Promise.all([putPreviewFile(key, page.body, WEBP_TYPE), thumb && putPreviewFile(at('thumb.webp'), thumb.body, WEBP_TYPE)]);
        },
      });
      return ready('pdf', { pages, thumbKey: at('thumb.webp'), pageCount });
    }
    case 'video':
      return videoPreview(input, at);
  }
}

async function videoPreview(input: PreviewInput, at: (name: string) => string): Promise<Preview> {
  const facts = await probeVideo({ size: input.size, read: (start, end) => readOriginalRange(input.key, start, end) });
  let poster = facts.poster;
  let posterProblem = facts.posterProblem;
  const ffmpeg = config.ffmpegPath;
  if (!poster && ffmpeg && facts.codec !== 'vp8') {
    const frame = await posterFrameByFfmpeg(ffmpeg, input.key, facts.posterAt);
    if (frame) poster = await posterOf(frame).catch(() => null);
    posterProblem = poster ? null : 'ffmpeg could not decode a frame';
  }
  if (poster) {
    await Promise.all([
      putPreviewFile(at('poster.webp'), poster.full.body, WEBP_TYPE),
      putPreviewFile(at('thumb.webp'), poster.thumb.body, WEBP_TYPE),
    ]);
  }
  const shown: Partial<Preview> = {
    playable: facts.playable,
    durationSeconds: facts.durationSeconds,
    posterKey: poster ? at('poster.webp') : null,
    thumbKey: poster ? at('thumb.webp') : null,
  };
  if (!facts.playable) return unavailable('video', REASONS.notPlayable(facts.container, facts.codec), shown);
  return ready('video', { ...shown, reason: posterProblem ? REASONS.noPoster(posterProblem) : null });
}

/** The whole original, held to a size (its real length, not only the declared one). */
async function original(input: PreviewInput, maxBytes: number): Promise<Buffer> {
  if (input.size > maxBytes) throw new NoPreview(REASONS.tooLarge(input.size));
  const bytes = await readOriginal(input.key);
  if (!bytes) throw new OriginalMissing(input.key);
  if (bytes.length === 0) throw new NoPreview(REASONS.empty);
  if (bytes.length > maxBytes) throw new NoPreview(REASONS.tooLarge(bytes.length));
  return bytes;
}
