// Sealing benchmark: the whole path of a completed release (render the template, then sealPdf:
// signatures drawn, certificate pages, PAdES signature) for a 3-page release and a 40-page
// contract, each in a child process pinned to one core (taskset -c 0, when available), with its
// peak RSS (Node included). The seal key is made once, outside the timings.
//   npm run bench -- seal      (or: node bench/seal.ts)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchResult, runWorker } from './lib.ts';

const MiB = 1024 * 1024;
const CASES = [
  { name: '3-page release', paragraphs: 2 },
  { name: '40-page contract', paragraphs: 51 },
] as const;

interface WorkerReport {
  pages: number;
  renderMs: number;
  sealMs: number;
  bytes: number;
  maxRss: number;
}

export async function run(): Promise<BenchResult[]> {
  const pin = spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? ['taskset', '-c', '0'] : [];
  const where = pin.length ? 'pinned to CPU 0' : 'NOT pinned (taskset missing)';
  const results: BenchResult[] = [];
  for (const c of CASES) {
    const w = await runWorker<WorkerReport>(
      [...pin, process.execPath, fileURLToPath(import.meta.url), '--worker', String(c.paragraphs)],
      'seal',
    );
    results.push(
      {
        name: `${c.name} (${w.pages} pages): seal`,
        value: Math.round(w.sealMs),
        unit: 'ms',
        note: `1 core, ${where}; median of 5; ${Math.round(w.bytes / 1024)} KiB sealed`,
      },
      { name: `${c.name}: render from template`, value: Math.round(w.renderMs), unit: 'ms', note: 'median of 5' },
      {
        name: `${c.name}: peak memory`,
        value: Math.round((w.maxRss / MiB) * 10) / 10,
        unit: 'MiB',
        note: 'maxRSS of the worker, Node included',
      },
    );
  }
  return results;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function worker(paragraphs: number): Promise<void> {
  const { createHash } = await import('node:crypto');
  const { createSealKey } = await import('../shared/features/releases/pdf/key.ts');
  const { renderTemplate } = await import('../shared/features/releases/pdf/render.ts');
  const { sealPdf } = await import('../shared/features/releases/pdf/seal.ts');
  const { parseTemplate } = await import('../shared/features/releases/pdf/template.ts');
  const key = createSealKey('Portico bench seal');
  const paragraph = 'The model grants the studio the right to use the images made at the shoot, in print and online. '.repeat(30);
  const source = `# Contract\n\n${Array.from({ length: paragraphs }, (_, i) => `## Clause ${i + 1}\n\n${paragraph}`).join('\n\n')}\n\n[[sign:1]]\n\n[[date:1]]`;
  const parties = [
    { slot: '1', name: 'Ana Lima', email: 'ana@example.com' },
    { slot: '2', name: 'Bo Berg', email: 'bo@example.com' },
  ];
  const renders: number[] = [];
  const seals: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    const doc = await renderTemplate({ title: 'Contract', studioName: 'Studio North', blocks: parseTemplate(source), parties });
    renders.push(performance.now() - t);
    t = performance.now();
    const sealed = await sealPdf({
      document: doc.pdf,
      documentHash: createHash('sha256').update(doc.pdf).digest('hex'),
      spots: doc.spots,
      signatures: [
        { slot: '1', name: 'Ana Lima', signedAt: '2026-12-01T10:00:00Z', signature: { kind: 'typed', text: 'Ana Lima' } },
        {
          slot: '2',
          name: 'Bo Berg',
          signedAt: '2026-12-01T11:00:00Z',
          signature: {
            kind: 'drawn',
            strokes: [{ points: Array.from({ length: 200 }, (_, k) => [k * 3, 100 + 60 * Math.sin(k / 9)] as [number, number]) }],
          },
        },
      ],
      certificates: parties.map((p) => ({
        ...p,
        authentication: 'One-time signing link',
        ip: '203.0.113.9',
        userAgent: 'Mozilla/5.0',
        signedAt: '2026-12-01T11:00:00Z',
        consentVersion: '1',
      })),
      release: {
        id: 'rel_bench',
        sealId: 'seal_bench',
        title: 'Contract',
        studioName: 'Studio North',
        completedAt: '2026-12-01T11:00:05Z',
      },
      chainHead: { seq: 12, hash: 'ab'.repeat(32) },
      key: { p12: Buffer.from(key.p12Base64, 'base64'), passphrase: key.passphrase },
    });
    seals.push(performance.now() - t);
    pages = doc.pageCount;
    bytes = sealed.length;
  }
  const report: WorkerReport = {
    pages,
    renderMs: median(renders),
    sealMs: median(seals),
    bytes,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(report));
}

if (import.meta.main) {
  if (process.argv[2] === '--worker') {
    await worker(Number(process.argv[3]));
  } else {
    const { printTable } = await import('./lib.ts');
    printTable(await run(), 'seal');
  }
}
