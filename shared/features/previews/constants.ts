// The previews' sizes and limits (zod-free: the site may import them).

export const PREVIEW_KINDS = ['image', 'pdf', 'video', 'file'] as const;

/** Long edge, in pixels, of an image's preview. The same as a gallery image's (shared/data/objects.ts VARIANT_SIZES). */
export const IMAGE_PREVIEW_PX = 2048;
/**
 * Long edge of a rendered PDF page. 1600 px is a phone's full width at 3× (a 390 pt iPhone is
 * 1170 px), and an A4 page's body text (10 pt) comes out about 22 px high: readable inline without
 * zooming on a phone, and sharp on a laptop. An A4 page is 1131 × 1600 px, 7 MB of pixels while it
 * is rendered, and as WebP about 15 KB for a flat layout, a few hundred KB for a page of photographs.
 */
export const PDF_PAGE_PX = 1600;
/** Long edge of every thumb: an image's, a PDF's page 1, a video's poster. */
export const THUMB_PX = 640;

/** Pixel-bomb guard for images (as the gallery pipeline: every real camera fits). */
export const IMAGE_MAX_MEGAPIXELS = 120;
/**
 * Bytes of a PDF the renderer loads: the whole file sits in the function's memory twice (the
 * download, and pdfium's copy inside its WebAssembly memory, which has a 2 GB ceiling).
 */
export const PDF_MAX_BYTES = 300 * 1024 * 1024;
/** Bytes of an image read whole into memory for sharp. */
export const IMAGE_MAX_BYTES = 300 * 1024 * 1024;
