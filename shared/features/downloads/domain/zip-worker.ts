// The ZIP worker (functions/downloads/buildZip.ts → runZipJob): streams a manifest's files from the
// bucket, one at a time, through a STORE-only ZIP into a multipart upload, so its memory stays flat
// whatever the gallery's size, and writes its progress to the record the client polls.
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import { objects, PREFIX } from '../../../data/objects.ts';
import { logger } from '../../../logger.ts';
import { attachmentDisposition } from '../../../safe-text.ts';
import { deleteManifest, openFile, readManifestText, zipUpload } from '../data/zip-files.ts';
import { claimZipJob, saveZipProgress } from '../data/zip-jobs.ts';
import type { ZipJob, ZipManifest } from '../records.ts';
import { belongsToGallery, finishJob, MAX_SKIPPED_LISTED, uniqueFileNames, ZIP_STALE_AFTER_MS, zipName } from './zip-jobs.ts';

const PROGRESS_EVERY_FILES = 5;
const PROGRESS_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Builds the ZIP a manifest describes. Safe to call more than once for the same manifest (S3
 * events are delivered at least once): only the call that moves the job from queued to running
 * does the work. Returns the job as it ended, or null if there was nothing to do.
 */
export async function runZipJob(manifestKey: string): Promise<ZipJob | null> {
  if (!manifestKey.startsWith(PREFIX.zipJobs)) return null;
  const manifest = await readManifest(manifestKey);
  if (!manifest) return null;
  const { galleryId, jobId } = manifest;
  const runId = randomUUID();
  if (!(await claim(galleryId, jobId, runId))) {
    logger.info('zip job already taken or finished', { jobId });
    return null;
  }
  const log = logger.createChild({ persistentKeys: { jobId, galleryId } });
  const started = performance.now();
  const progress = new Progress(galleryId, jobId, runId);
  const skipped: Skipped[] = [];
  // What the record says about the files either way: how far it got, and which were missing.
  const counts = () => ({
    filesDone: progress.filesDone,
    bytesDone: progress.bytesDone,
    skipped: skipped.slice(0, MAX_SKIPPED_LISTED),
    skippedCount: skipped.length,
  });
  let outcome: Partial<ZipJob>;
  try {
    const result = await buildZip(manifest, progress, skipped);
    outcome = { status: 'ready', ...result, ...counts() };
    log.info('zip ready', {
      files: progress.filesDone,
      bytes: result.outputBytes,
      skipped: skipped.length,
      ms: Math.round(performance.now() - started),
    });
  } catch (e) {
    log.error('zip failed', { error: e as Error });
    outcome = { status: 'failed', error: failureReason(e), ...counts() };
  }
  const job = await finishJob(galleryId, jobId, runId, outcome);
  if (!job) {
    // Another worker took the job over (this one looked dead): its result stands.
    log.warn('zip job was taken over by another worker');
    return null;
  }
  // The manifest has served its purpose; a late duplicate event then finds nothing to do.
  await deleteManifest(manifestKey).catch((e: unknown) => log.warn('could not delete the zip manifest', { error: e as Error }));
  return job;
}

function failureReason(e: unknown): string {
  if (e instanceof ZipJobError) return e.message;
  const name = e instanceof Error ? e.name : 'Error';
  return `The download could not be built (${name}). Please try again.`;
}

/** A failure whose message is fit for the client. */
class ZipJobError extends Error {}

async function readManifest(key: string): Promise<ZipManifest | null> {
  const text = await readManifestText(key);
  if (text === null) return null; // already done (the worker deletes it) or never existed
  const m = JSON.parse(text) as ZipManifest;
  if (`${PREFIX.zipJobs}${m.jobId}.json` !== key || !Array.isArray(m.entries)) {
    logger.error('malformed zip manifest', { key });
    return null;
  }
  return m;
}

/** Only one worker builds a job; a running job whose record has not moved for a while lost its worker. */
async function claim(galleryId: string, jobId: string, runId: string): Promise<boolean> {
  const now = new Date();
  return claimZipJob(galleryId, jobId, runId, now, new Date(now.getTime() - ZIP_STALE_AFTER_MS));
}

type Skipped = ZipJob['skipped'][number];

/**
 * GetObject body → byte counter → ZIP (store) → PassThrough → lib-storage Upload. One entry is
 * open at a time and every hop is a piped stream, so a slow upload pauses the download
 * (backpressure) and memory holds at most ~(queueSize + 1) parts, whatever the total.
 */
async function buildZip(
  manifest: ZipManifest,
  progress: Progress,
  skipped: Skipped[],
): Promise<{ outputKey: string; outputBytes: number }> {
  const { galleryId, jobId, studioId } = manifest;
  const outputKey = objects.zipOutput(jobId, zipName(manifest.name));
  const fileNames = uniqueFileNames(manifest.entries.map((e) => e.fileName));

  // Node's own stream between archiver (readable-stream classes) and Upload, which only takes
  // a Node Readable, a web stream, a Blob or bytes.
  const zip = new ZipArchive({ store: true });
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  const upload = zipUpload(outputKey, body, attachmentDisposition(`${zipName(manifest.name)}.zip`));

  // The first failure anywhere (ZIP, pipe, upload) ends the job; every wait races against it.
  let failure: unknown;
  let fail: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = (e) => {
      failure ??= e;
      reject(failure);
    };
  });
  failed.catch(() => {});
  zip.on('error', fail);
  zip.on('warning', fail);
  const piped = pipeline(zip, body).catch(fail);
  const uploaded = upload.done().catch((e: unknown) => {
    fail(e);
    throw e;
  });
  uploaded.catch(() => {});

  let current: Readable | undefined;
  try {
    for (const [i, entry] of manifest.entries.entries()) {
      const fileName = fileNames[i] as string;
      if (!belongsToGallery(entry.key, studioId, galleryId)) throw new ZipJobError('A requested file is not part of this gallery.');
      const request = openFile(entry.key);
      // If the job fails meanwhile, a response that still arrives must not hold its socket.
      request.then(
        (out) => failure !== undefined && out?.body?.destroy(),
        () => {},
      );
      const opened = await Promise.race([request, failed]);
      if (!opened) {
        // A file deleted since the request is left out (and listed); after a failure, that failure ends the job.
        if (failure !== undefined) throw failure;
        skipped.push({ key: entry.key, fileName });
        continue;
      }
      const source = opened.body;
      const modified = opened.lastModified;
      current = source;
      const counter = new ByteCounter((n) => progress.addBytes(n));
      const entryDone = new Promise<void>((resolve) => zip.once('entry', () => resolve()));
      // A failing source fails the counter, and the ZIP with it.
      pipeline(source, counter).catch(fail);
      zip.append(counter, { name: fileName, date: modified ?? new Date() });
      await Promise.race([entryDone, failed]);
      current = undefined;
      progress.fileDone();
    }
    if (progress.filesDone === 0) throw new ZipJobError('None of the requested files exist any more.');
    await Promise.race([zip.finalize(), failed]);
    await Promise.race([piped, failed]);
    await uploaded;
    await progress.settle();
    return { outputKey, outputBytes: zip.pointer() };
  } catch (e) {
    // Stop everything: the open download, the ZIP and the upload's input. Ending the input with
    // an error makes lib-storage stop its part uploaders and send AbortMultipartUpload before
    // done() settles, so the parts are gone when we return (the bucket's lifecycle rule for
    // incomplete multipart uploads is the backstop).
    current?.destroy();
    zip.abort();
    body.destroy(e instanceof Error ? e : new Error(String(e)));
    await uploaded.catch(() => {});
    await progress.settle();
    throw failure !== undefined && !(e instanceof ZipJobError) ? failure : e;
  }
}

/** Counts the bytes flowing through, without holding them. */
class ByteCounter extends Transform {
  readonly #onBytes: (n: number) => void;
  constructor(onBytes: (n: number) => void) {
    super();
    this.#onBytes = onBytes;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#onBytes(chunk.length);
    callback(null, chunk);
  }
}

/**
 * Writes progress to the record every few files or ~32 MB, never per chunk, one write at a
 * time and off the data path: a write still in flight when the next threshold passes is simply
 * followed by the next one.
 */
class Progress {
  filesDone = 0;
  bytesDone = 0;
  #reportedFiles = 0;
  #reportedBytes = 0;
  #inFlight: Promise<void> | undefined;
  readonly #galleryId: string;
  readonly #jobId: string;
  readonly #runId: string;

  constructor(galleryId: string, jobId: string, runId: string) {
    this.#galleryId = galleryId;
    this.#jobId = jobId;
    this.#runId = runId;
  }

  addBytes(n: number): void {
    this.bytesDone += n;
    if (this.bytesDone - this.#reportedBytes >= PROGRESS_EVERY_BYTES) this.#report();
  }

  fileDone(): void {
    this.filesDone++;
    if (this.filesDone - this.#reportedFiles >= PROGRESS_EVERY_FILES) this.#report();
  }

  async settle(): Promise<void> {
    await this.#inFlight;
  }

  #report(): void {
    if (this.#inFlight) return;
    const files = this.filesDone;
    const bytes = this.bytesDone;
    this.#reportedFiles = files;
    this.#reportedBytes = bytes;
    this.#inFlight = saveZipProgress(this.#galleryId, this.#jobId, this.#runId, files, bytes)
      .then(
        () => {},
        (e: unknown) => logger.warn('zip progress not saved', { jobId: this.#jobId, error: e as Error }),
      )
      .finally(() => {
        this.#inFlight = undefined;
      });
  }
}
