// The previews' pure decisions: which kind a file is, what a browser plays, how large a page is
// rendered, and the reasons the client reads. No I/O.
import { IMAGE_MAX_MEGAPIXELS, PDF_PAGE_PX } from '../constants.ts';
import type { Preview, PreviewKind } from '../schemas.ts';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/avif', 'image/heic', 'image/heif']);
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'tif', 'tiff', 'avif', 'heic', 'heif']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'webm', 'mkv']);

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

/**
 * The kind of preview a file gets, from its declared type, or its name's extension when the type
 * says nothing (browsers send `application/octet-stream` for types they do not know, e.g. .mkv).
 * The renderers still check the bytes: a PDF named .jpg that sharp cannot read is "unavailable".
 */
export function previewKindOf(contentType: string, fileName: string): PreviewKind {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = extensionOf(fileName);
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('video/')) return 'video';
  if (type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') {
    if (IMAGE_EXTENSIONS.has(ext)) return 'image';
    if (ext === 'pdf') return 'pdf';
    if (VIDEO_EXTENSIONS.has(ext)) return 'video';
  }
  return 'file';
}

/** Containers as mediabunny names them (InputFormat.name). */
export type VideoContainer = 'MP4' | 'QuickTime File Format' | 'WebM' | 'Matroska' | (string & {});

/**
 * Whether current browsers (Chrome, Safari, Firefox, Edge) all play this container and codec in a
 * `<video>` element. HEVC plays only where the hardware decodes it, ProRes nowhere, and Matroska
 * only in Chromium: those are offered as downloads.
 */
export function browserPlays(container: VideoContainer, codec: string | null): boolean {
  if (container === 'MP4' || container === 'QuickTime File Format') return codec === 'avc' || codec === 'av1' || codec === 'vp9';
  if (container === 'WebM') return codec === 'vp8' || codec === 'vp9' || codec === 'av1';
  return false;
}

const CODEC_NAMES: Record<string, string> = { avc: 'H.264', hevc: 'HEVC (H.265)', vp8: 'VP8', vp9: 'VP9', av1: 'AV1', prores: 'ProRes' };
export const codecName = (codec: string | null): string => (codec ? (CODEC_NAMES[codec] ?? codec.toUpperCase()) : 'an unknown codec');
const CONTAINER_NAMES: Record<string, string> = { MP4: 'MP4', 'QuickTime File Format': 'MOV', WebM: 'WebM', Matroska: 'MKV' };
const containerName = (container: VideoContainer): string => CONTAINER_NAMES[container] ?? container;

/**
 * The scale (pixels per point) that gives a page of `width` × `height` points a long edge of
 * PDF_PAGE_PX. The renderer multiplies whole points (an A4 page's 841.89 pt are 841), so the scale
 * is taken from those.
 */
export function pdfPageScale(width: number, height: number): number {
  return PDF_PAGE_PX / Math.max(Math.floor(width), Math.floor(height), 1);
}

/** Whether a PDF is too long to preview (checked from its page count, before anything is rendered). */
export const tooManyPages = (pageCount: number, maxPages: number): boolean => pageCount > maxPages;

const thousands = (n: number): string => n.toLocaleString('en-US');

/** What the client reads when there is no (full) preview. */
export const REASONS = {
  empty: 'Preview not available: the file is empty. Upload it again.',
  missing: 'Preview not available: the uploaded file is missing. Upload it again.',
  tooLarge: (bytes: number) =>
    `Preview not available: the file is ${Math.round(bytes / 1024 / 1024)} MB, too large to preview. Download it to view it.`,
  imageUnreadable: 'Preview not available: this is not an image we can read, or it is damaged. Download it to open it.',
  imageTooManyPixels: `Preview not available: the image is larger than ${IMAGE_MAX_MEGAPIXELS} megapixels. Download it to view it.`,
  heic: 'Preview not available: HEIC photos cannot be previewed yet. Download it to view it.',
  pdfPassword: 'Preview not available: the PDF is password-protected. Download it and open it with its password.',
  pdfSecurity: 'Preview not available: the PDF is encrypted in a way we cannot open. Download it to read it.',
  pdfDamaged: 'Preview not available: the PDF is damaged or not a PDF. Download it to check it, or export it again.',
  pdfNoPages: 'Preview not available: the PDF has no pages.',
  pdfTooManyPages: (pages: number, max: number) =>
    `Preview not available: the PDF has ${thousands(pages)} pages; previews are made for up to ${thousands(max)}. Download it to read it.`,
  pdfPageDamaged: (page: number) => `Preview not available: page ${thousands(page)} of the PDF is damaged. Download it to read it.`,
  videoUnreadable: 'Preview not available: this is not a video we can read, or it is damaged. Download it to play it.',
  noVideoTrack: 'Preview not available: the file has no video track. Download it to play it.',
  notPlayable: (container: VideoContainer, codec: string | null) =>
    `Browsers cannot play ${containerName(container)} video in ${codecName(codec)}. Download it to play it.`,
  noPoster: (why: string) => `No poster frame: ${why}.`,
} as const;

/** A preview with nothing to show, and why. */
export function unavailable(kind: PreviewKind, reason: string, facts: Partial<Preview> = {}): Preview {
  return {
    kind,
    state: 'unavailable',
    reason,
    pages: [],
    thumbKey: null,
    posterKey: null,
    playable: kind === 'video' ? false : null,
    durationSeconds: null,
    pageCount: null,
    ...facts,
  };
}

/** The common empty fields of a ready preview of `kind`. */
export function ready(kind: PreviewKind, facts: Partial<Preview> = {}): Preview {
  return {
    kind,
    state: 'ready',
    reason: null,
    pages: [],
    thumbKey: null,
    posterKey: null,
    playable: null,
    durationSeconds: null,
    pageCount: null,
    ...facts,
  };
}
