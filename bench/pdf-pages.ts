// PDF page rendering benchmark: a 50-page demo PDF (every page drawn: headings, text, coloured
// layout blocks) rendered page by page as the previews do (PDFium in WebAssembly, long edge
// 1600 px, then WebP through sharp), on ONE core, beside poppler's `pdftoppm` making the same page
// images at the same size (`-scale-to 1600`), as raw PPM and as PNG (it writes no WebP).
//
// PDFium runs in a child process pinned to CPU 0 (`taskset -c 0`, when available), with
// sharp.concurrency(1) and one libuv thread; its maxRSS (process.resourceUsage) is the renderer's
// peak, Node included. pdftoppm runs once per format under /usr/bin/time for its peak RSS.
// Without pdftoppm (Debian's poppler-utils) that comparison is skipped with a note.
//   node bench/run.ts pdf-pages      (or: node bench/pdf-pages.ts)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, runWorker } from './lib.ts';

const PAGES = 50;
const MiB = 1024 * 1024;

interface WorkerReport {
  initMs: number;
  /** Render to an RGBA bitmap only (PDFium's part). */
  bitmapMs: number;
  /** The previews' whole path per page: render, WebP encode (sharp), plus page 1's thumb. */
  webpMs: number;
  webpBytes: number;
  size: string;
  maxRss: number;
}

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-bench-pdf-'));
  try {
    const { demoPdf } = await import('../local/demo-media.ts');
    const pdf = join(dir, 'proofs.pdf');
    await writeFile(pdf, await demoPdf(PAGES, 'Benchmark proofs', { drawn: PAGES }));
    const pin = spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? ['taskset', '-c', '0'] : [];
    const where = pin.length ? 'pinned to CPU 0' : 'NOT pinned (taskset missing)';
    const w = await pdfiumWorker(pin, pdf);
    const results: BenchResult[] = [
      {
        name: `PDFium (WASM): ${PAGES} pages → RGBA bitmaps, long edge 1600 px`,
        value: round((PAGES * 1000) / w.bitmapMs, 1),
        unit: 'pages/s',
        note: `1 core, ${where}; ${w.size} px; ${round(w.bitmapMs / PAGES, 1)} ms per page`,
      },
      {
        name: "PDFium + sharp WebP: the previews' path (render, encode, page-1 thumb)",
        value: round((PAGES * 1000) / w.webpMs, 1),
        unit: 'pages/s',
        note: `${round(w.webpMs / PAGES, 1)} ms per page; ${round(w.webpBytes / 1024 / PAGES, 0)} KiB per page as WebP`,
      },
      {
        name: 'PDFium worker: peak memory',
        value: round(w.maxRss / MiB, 1),
        unit: 'MiB',
        note: 'maxRSS of the worker process, Node included',
      },
      { name: 'PDFium WebAssembly start (compile + init, once per container)', value: Math.round(w.initMs), unit: 'ms' },
    ];
    const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p));
    if (!pdftoppm) {
      console.log('\npdftoppm comparison skipped: no pdftoppm (apt-get install -y poppler-utils to compare).');
      return results;
    }
    for (const format of ['ppm', 'png'] as const) {
      const p = await poppler(pdftoppm, pin, pdf, dir, format);
      results.push({
        name: `pdftoppm -scale-to 1600 (${format === 'ppm' ? 'raw PPM' : 'PNG'}): same ${PAGES} pages`,
        value: round((PAGES * 1000) / p.ms, 1),
        unit: 'pages/s',
        note: `1 core, one process; ${round(p.ms / PAGES, 1)} ms per page; peak RSS ${p.maxRss ? `${round(p.maxRss / MiB, 1)} MiB` : 'n/a'}; ${round(p.bytes / 1024 / PAGES, 0)} KiB per page`,
      });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pdfiumWorker(pin: string[], pdf: string): Promise<WorkerReport> {
  const args = [...pin, process.execPath, fileURLToPath(import.meta.url), '--worker', pdf];
  return runWorker<WorkerReport>(args, 'PDFium');
}

async function worker(pdf: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const sharp = (await import('sharp')).default;
  sharp.concurrency(1);
  const { PDFiumLibrary } = await import('@hyzyla/pdfium');
  const { pdfPageScale } = await import('../shared/features/previews/domain/rules.ts');
  const { renderPdf } = await import('../shared/features/previews/domain/pdf.ts');
  const bytes = await readFile(pdf);

  // The WebAssembly start, as a cold container pays it (renderPdf below reuses its own instance).
  let t = performance.now();
  const lib = await PDFiumLibrary.init();
  const initMs = performance.now() - t;

  // PDFium alone: every page to a bitmap, as renderPdf asks for it.
  const doc = await lib.loadDocument(bytes);
  let size = '';
  t = performance.now();
  for (let i = 0; i < doc.getPageCount(); i++) {
    const page = doc.getPage(i);
    const { originalWidth, originalHeight } = page.getOriginalSize();
    const bitmap = await page.render({ scale: pdfPageScale(originalWidth, originalHeight), render: 'bitmap', renderFormFields: true });
    size = `${bitmap.width} × ${bitmap.height}`;
  }
  const bitmapMs = performance.now() - t;
  doc.destroy();

  // The previews' path (a warm-up document first: the module's own PDFium instance starts once).
  const { demoPdf } = await import('../local/demo-media.ts');
  await renderPdf(await demoPdf(1, 'warm-up'), { maxPages: 10, write: async () => {} });
  let webpBytes = 0;
  t = performance.now();
  await renderPdf(bytes, {
    maxPages: 1000,
    write: async (page) => {
      webpBytes += page.body.length;
    },
  });
  const webpMs = performance.now() - t;
  const report: WorkerReport = { initMs, bitmapMs, webpMs, webpBytes, size, maxRss: process.resourceUsage().maxRSS * 1024 };
  console.log(JSON.stringify(report));
}

async function poppler(pdftoppm: string, pin: string[], pdf: string, dir: string, format: 'ppm' | 'png') {
  const out = join(dir, `out-${format}`);
  await rm(out, { recursive: true, force: true });
  await (await import('node:fs/promises')).mkdir(out);
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'maxrss=%M'] : [];
  const command = [...pin, ...time, pdftoppm, '-scale-to', '1600', ...(format === 'png' ? ['-png'] : []), pdf, join(out, 'page')];
  const t = performance.now();
  const result = spawnSync(command[0] as string, command.slice(1), { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  const rss = /maxrss=(\d+)/.exec(result.stderr ?? '');
  let bytes = 0;
  for (const f of await readdir(out)) bytes += (await stat(join(out, f))).size;
  return { ms, maxRss: rss ? Number(rss[1]) * 1024 : 0, bytes };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

if (import.meta.main) {
  if (process.argv[2] === '--worker') {
    await worker(process.argv[3] as string);
  } else {
    const { printTable } = await import('./lib.ts');
    printTable(await run(), 'pdf-pages');
  }
}
