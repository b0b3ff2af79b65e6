// ZIP worker benchmark: a throwaway local stack, a 1 GB gallery of incompressible 10 MiB files, and
// runZipJob in a child process so its memory is measured alone. The same job over a 200 MB
// subset shows that the worker's memory does not grow with the gallery.
//   node bench/run.ts            (all benchmarks)
//   node bench/zip.ts            (this one)
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startLocalServices } from '../local/services/index.ts';
import { objects } from '../shared/data/objects.ts';
import type { RequestZipInput } from '../shared/features/downloads/domain/zip-jobs.ts';
import type { BenchResult } from './lib.ts';

const FILE_SIZE = 10 * 1024 * 1024;
const FILES = 100; // 100 × 10 MiB ≈ 1 GB
const SMALL_FILES = 20; // 200 MB, for the memory-vs-size comparison
const FILL_CONCURRENCY = 4;
const MB = 1e6;
const MiB = 1024 * 1024;

interface WorkerReport {
  status: string | null;
  error: string | null;
  ms: number;
  filesDone: number;
  bytesDone: number;
  outputKey: string | null;
  outputBytes: number;
  /** RSS once the SDK clients are warm, before the job. */
  baselineRss: number;
  /** Highest RSS sampled every 100 ms during the job. */
  sampledPeakRss: number;
  /** The kernel's high-water mark for the whole child process (process.resourceUsage().maxRSS). */
  maxRss: number;
  /** CPU seconds the child spent in the job (user + system). */
  cpuSeconds: number;
}

export async function run(): Promise<BenchResult[]> {
  const started = performance.now();
  const services = await startLocalServices();
  const saved = { ...process.env };
  Object.assign(process.env, services.env);
  try {
    const bucket = services.env.BUCKET_NAME as string;
    // Its own client (not shared/adapters' singleton, which may point at another bench's stack).
    // WHEN_REQUIRED: s3rver does not understand aws-chunked streaming checksums.
    const s3 = new S3Client({ forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
    const studioId = randomUUID();
    const galleryId = randomUUID();

    const fillStarted = performance.now();
    const entries = Array.from({ length: FILES }, (_, i) => ({
      key: objects.original(studioId, galleryId, randomUUID()),
      fileName: `IMG_${String(i + 1).padStart(4, '0')}.jpg`,
      size: FILE_SIZE,
    }));
    const queue = [...entries];
    await Promise.all(
      Array.from({ length: FILL_CONCURRENCY }, async () => {
        for (let e = queue.shift(); e; e = queue.shift()) {
          // Generated as a stream of 1 MiB random chunks: never the whole file, let alone the gallery.
          await s3.send(
            new PutObjectCommand({ Bucket: bucket, Key: e.key, Body: Readable.from(randomChunks(e.size)), ContentLength: e.size }),
          );
        }
      }),
    );
    const fillMs = performance.now() - fillStarted;

    const base = { studioId, galleryId, requestedBy: 'bench', name: 'bench' };
    const small = await runWorker({ ...base, entries: entries.slice(0, SMALL_FILES) }, services.env);
    const large = await runWorker({ ...base, entries }, services.env);
    await verifyZip(s3, bucket, large, FILES);

    const contentMB = large.bytesDone / MB;
    const seconds = large.ms / 1000;
    const gallery = `${FILES} × 10 MiB (${(large.bytesDone / MB).toFixed(0)} MB)`;
    return [
      { name: 'zip: throughput', value: round(contentMB / seconds, 1), unit: 'MB/s', note: `${gallery}, s3rver on loopback` },
      {
        name: 'zip: wall time (1 GB)',
        value: round(seconds, 2),
        unit: 's',
        note: `runZipJob in the child: claim → last part → ready; worker CPU ${round(large.cpuSeconds, 1)} s`,
      },
      {
        name: 'zip: worker peak RSS (1 GB)',
        value: round(large.maxRss / MiB, 1),
        unit: 'MiB',
        note: `maxRSS of the child; ${round(large.baselineRss / MiB, 1)} MiB before the job, sampled peak ${round(large.sampledPeakRss / MiB, 1)} MiB`,
      },
      {
        name: 'zip: worker peak RSS (200 MB)',
        value: round(small.maxRss / MiB, 1),
        unit: 'MiB',
        note: `same job over ${SMALL_FILES} files: ${round(small.bytesDone / MB, 0)} MB in ${round(small.ms / 1000, 2)} s`,
      },
      {
        name: 'zip: output size (1 GB)',
        value: round(large.outputBytes / MB, 2),
        unit: 'MB',
        note: `${large.outputBytes} bytes; STORE, ${FILES} entries`,
      },
      {
        name: 'zip: fill 1 GB',
        value: round(fillMs / 1000, 2),
        unit: 's',
        note: `PutObject × ${FILES}, ${FILL_CONCURRENCY} at a time; bench total ${round((performance.now() - started) / 1000, 1)} s`,
      },
    ];
  } finally {
    for (const name of Object.keys(services.env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    // A throwaway stack: stopping it deletes every object (and the ZIPs) with its temp folder.
    await services.stop();
  }
}

function* randomChunks(size: number): Generator<Buffer> {
  for (let left = size; left > 0; left -= MiB) yield randomBytes(Math.min(MiB, left));
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** Runs the job in a fresh Node process (this file with --worker) and returns what it measured. */
async function runWorker(spec: RequestZipInput, env: Record<string, string>): Promise<WorkerReport> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--worker', JSON.stringify(spec)], {
    env: { ...process.env, ...env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const line = out.split('\n').find((l) => l.startsWith('{"report":'));
  if (code !== 0 || !line) throw new Error(`ZIP worker exited ${code}:\n${err}${out}`);
  const report = (JSON.parse(line) as { report: WorkerReport }).report;
  if (report.status !== 'ready') {
    throw new Error(
      report.status === null
        ? 'The worker found the job already taken: an object-created hook ran it in the bench process, so its memory cannot be measured alone.'
        : `ZIP job ${report.status}: ${report.error}`,
    );
  }
  return report;
}

/** The ZIP is whole: its size is what the worker reported and its central directory lists every file. */
async function verifyZip(s3: S3Client, bucket: string, report: WorkerReport, files: number): Promise<void> {
  const key = report.outputKey as string;
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  if (head.ContentLength !== report.outputBytes)
    throw new Error(`ZIP is ${head.ContentLength} bytes, the worker wrote ${report.outputBytes}`);
  const tail = await s3.send(
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      Range: `bytes=${Math.max(0, report.outputBytes - 64 * 1024)}-${report.outputBytes - 1}`,
    }),
  );
  const bytes = Buffer.from(await tail.Body!.transformToByteArray());
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('ZIP has no end-of-central-directory record');
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (entries !== files || cdOffset + cdSize !== report.outputBytes - 22) {
    throw new Error(`ZIP central directory lists ${entries} entries at ${cdOffset}+${cdSize}, expected ${files}`);
  }
}

/** The child: request the job, then run the worker on it and report time and memory. */
async function worker(spec: RequestZipInput): Promise<void> {
  const { requestZip } = await import('../shared/features/downloads/domain/zip-jobs.ts');
  const { runZipJob } = await import('../shared/features/downloads/domain/zip-worker.ts');
  const queued = await requestZip(spec); // also warms the S3 and DynamoDB clients
  const baselineRss = process.memoryUsage.rss();
  let sampledPeakRss = baselineRss;
  const sampler = setInterval(() => {
    sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage.rss());
  }, 100);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const job = await runZipJob(objects.zipJob(queued.jobId));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const report: WorkerReport = {
    status: job?.status ?? null,
    error: job?.error ?? null,
    ms,
    filesDone: job?.filesDone ?? 0,
    bytesDone: job?.bytesDone ?? 0,
    outputKey: job?.outputKey ?? null,
    outputBytes: job?.outputBytes ?? 0,
    baselineRss,
    sampledPeakRss: Math.max(sampledPeakRss, process.memoryUsage.rss()),
    maxRss: process.resourceUsage().maxRSS * 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  process.stdout.write(`${JSON.stringify({ report })}\n`);
}

if (import.meta.main) {
  if (process.argv[2] === '--worker') {
    await worker(JSON.parse(process.argv[3] as string) as RequestZipInput);
  } else {
    const { printTable } = await import('./lib.ts');
    printTable(await run());
  }
}
