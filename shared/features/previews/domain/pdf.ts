// PDFs: every page rendered by PDFium (Chrome's PDF engine, compiled to WebAssembly by
// @hyzyla/pdfium: no native binary, so the same code runs here and in Lambda), one page at a time,
// each to a WebP with a long edge of PDF_PAGE_PX, and a thumb of page 1.
//
// Memory: the file's bytes are copied once into PDFium's WebAssembly memory; each page is loaded,
// rendered into one RGBA bitmap (at most 1600 × 1600 × 4 = 10 MB), copied out, closed and freed
// before the next one, and its WebP is handed to `write` (which uploads it) before the next page
// is rendered. So peak memory is the file twice plus one page, whatever the page count. The
// WebAssembly memory grows to the largest document seen and never shrinks: one instance serves
// one document after another, and the function's memory (PREVIEW_EVENT_SETTINGS) allows for it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PDFiumDocument, PDFiumLibrary } from '@hyzyla/pdfium';
import sharp from 'sharp';
import { NoPreview, thumbOf, toWebp, type WebpFile } from './image.ts';
import { pdfPageScale, REASONS, tooManyPages } from './rules.ts';

// Effort 2: a page encodes in about 45 ms instead of 100 (effort 4) for 5–10 % more bytes (bench/pdf-pages.ts);
// a 300-page PDF is then about 15 s of encoding, not 30.
const PAGE_WEBP = { quality: 82, effort: 2 } as const;

let library: Promise<PDFiumLibrary> | undefined;

/**
 * pdfium.wasm: beside this module in a Lambda bundle (PREVIEW_EVENT_SETTINGS.assets copies it to
 * the bundle's root, where the bundled module runs), else in node_modules.
 */
function wasmPath(): string {
  const bundled = fileURLToPath(new URL('./pdfium.wasm', import.meta.url));
  return existsSync(bundled) ? bundled : fileURLToPath(import.meta.resolve('@hyzyla/pdfium/pdfium.wasm'));
}

function pdfium(): Promise<PDFiumLibrary> {
  library ??= (async () => {
    const bytes = readFileSync(wasmPath());
    return PDFiumLibrary.init({ wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  })().catch((error: unknown) => {
    library = undefined;
    throw error;
  });
  return library;
}

export interface RenderedPage extends WebpFile {
  /** 1-based. */
  number: number;
}

/** Opens the document, or says why not (PDFium's load errors → the client's reason). */
async function open(input: Uint8Array): Promise<PDFiumDocument> {
  const lib = await pdfium();
  try {
    return await lib.loadDocument(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) throw new NoPreview(REASONS.pdfPassword);
    if (/security/i.test(message)) throw new NoPreview(REASONS.pdfSecurity);
    throw new NoPreview(REASONS.pdfDamaged, { cause: error });
  }
}

/** The page count of a PDF, or NoPreview (password, damage, too many pages) before anything is rendered. */
export async function renderPdf(
  input: Uint8Array,
  opts: { maxPages: number; write: (page: RenderedPage, thumb: WebpFile | null) => Promise<void> },
): Promise<{ pageCount: number }> {
  const document = await open(input);
  try {
    const pageCount = document.getPageCount();
    if (pageCount < 1) throw new NoPreview(REASONS.pdfNoPages);
    if (tooManyPages(pageCount, opts.maxPages)) throw new NoPreview(REASONS.pdfTooManyPages(pageCount, opts.maxPages));
    let pending: Promise<void> | null = null;
    for (let index = 0; index < pageCount; index++) {
      const page = await renderPage(document, index);
      const thumb = index === 0 ? await thumbOf(page.body) : null;
      // One upload in flight while the next page renders: the rendering stays the bottleneck.
      await pending;
      pending = opts.write(page, thumb);
    }
    await pending;
    return { pageCount };
  } finally {
    document.destroy();
  }
}

async function renderPage(document: PDFiumDocument, index: number): Promise<RenderedPage> {
  const number = index + 1;
  // getPage loads the page; render() closes it (and frees its bitmap) whatever happens.
  const page = document.getPage(index);
  const { originalWidth, originalHeight } = page.getOriginalSize();
  const scale = pdfPageScale(originalWidth, originalHeight);
  // A page PDFium could not load measures 0 × 0 (and needs no closing); a sliver of a page
  // (1 × 5000 pt) would render less than a pixel wide. Either way there is nothing to show.
  if (!(originalWidth > 0 && originalHeight > 0) || Math.floor(originalWidth * scale) < 1 || Math.floor(originalHeight * scale) < 1) {
    throw new NoPreview(REASONS.pdfPageDamaged(number));
  }
  let bitmap: Awaited<ReturnType<typeof page.render>>;
  try {
    // BGRA with PDFium's reverse-byte-order flag is RGBA; opaque white under the page.
    bitmap = await page.render({ scale, render: 'bitmap', renderFormFields: true });
  } catch (error) {
    throw new NoPreview(REASONS.pdfPageDamaged(number), { cause: error });
  }
  const file = await toWebp(
    sharp(bitmap.data, { raw: { width: bitmap.width, height: bitmap.height, channels: 4 } }).removeAlpha(),
    PAGE_WEBP,
  );
  return { number, ...file };
}
