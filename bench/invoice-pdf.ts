// Invoice PDF benchmark: renderInvoicePdf on a 10-line and a 60-line invoice (amounts from the real
// arithmetic, a PNG logo), 30 renders each after warm-up renders, in a child process pinned to one
// core (taskset -c 0, when available): median and p95 render time, the PDF's size, and the
// worker's heap after the renders and its peak RSS (Node included).
//   npm run bench -- invoice-pdf      (or: node bench/invoice-pdf.ts)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchResult, median, percentile, runWorker } from './lib.ts';

const MiB = 1024 * 1024;
const RENDERS = 30;
const WARM_UP = 3;
const CASES = [10, 60] as const;

interface WorkerReport {
  lines: number;
  pages: number;
  medianMs: number;
  p95Ms: number;
  firstMs: number;
  bytes: number;
  heapUsed: number;
  maxRss: number;
}

export async function run(): Promise<BenchResult[]> {
  const pin = spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? ['taskset', '-c', '0'] : [];
  const where = pin.length ? 'pinned to CPU 0' : 'NOT pinned (taskset missing)';
  const results: BenchResult[] = [];
  for (const lines of CASES) {
    const w = await runWorker<WorkerReport>(
      [...pin, process.execPath, '--expose-gc', fileURLToPath(import.meta.url), '--worker', String(lines)],
      'invoice-pdf',
    );
    const name = `${lines}-line invoice (${w.pages} page${w.pages === 1 ? '' : 's'})`;
    results.push(
      {
        name: `${name}: render, median`,
        value: round(w.medianMs, 1),
        unit: 'ms',
        note: `1 core, ${where}; ${RENDERS} renders after ${WARM_UP} warm-up; ${Math.round(w.bytes / 1024)} KiB`,
      },
      { name: `${name}: render, p95`, value: round(w.p95Ms, 1), unit: 'ms' },
      { name: `${name}: first render (cold: fonts read and parsed)`, value: Math.round(w.firstMs), unit: 'ms' },
      { name: `${name}: heap used after renders`, value: round(w.heapUsed / MiB, 1), unit: 'MiB', note: 'after a forced GC' },
      { name: `${name}: peak memory`, value: round(w.maxRss / MiB, 1), unit: 'MiB', note: 'maxRSS of the worker, Node included' },
    );
  }
  return results;
}

async function worker(lineCount: number): Promise<void> {
  const sharp = (await import('sharp')).default;
  const { PDFDocument } = await import('pdf-lib');
  const { renderInvoicePdf } = await import('../shared/features/invoices/pdf/render.ts');
  const { sampleInvoice } = await import('../test/support/invoice-samples.ts');
  const logo = new Uint8Array(
    await sharp({ create: { width: 300, height: 100, channels: 3, background: '#1f6f78' } })
      .png()
      .toBuffer(),
  );
  const base = sampleInvoice({ lineCount });
  const input = { ...base, studio: { ...base.studio, logo: { bytes: logo, type: 'png' as const } } };
  let t = performance.now();
  let pdf = await renderInvoicePdf(input);
  const firstMs = performance.now() - t;
  for (let i = 1; i < WARM_UP; i++) await renderInvoicePdf(input);
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    t = performance.now();
    pdf = await renderInvoicePdf(input);
    times.push(performance.now() - t);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const report: WorkerReport = {
    lines: lineCount,
    pages: (await PDFDocument.load(pdf)).getPageCount(),
    medianMs: median(times),
    p95Ms: percentile(times, 0.95),
    firstMs,
    bytes: pdf.length,
    heapUsed: process.memoryUsage().heapUsed,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(report));
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

if (import.meta.main) {
  if (process.argv[2] === '--worker') {
    await worker(Number(process.argv[3]));
  } else {
    const { printTable } = await import('./lib.ts');
    printTable(await run(), 'invoice-pdf');
  }
}
