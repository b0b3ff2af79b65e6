// ZIP downloads. A request writes a job record, then a manifest object under jobs/zip/; the
// manifest's object-created event starts the worker (functions/events/buildZip.ts → runZipJob),
// locally as in AWS. The worker streams the files from the bucket, one at a time, through a
// STORE-only ZIP into a multipart upload, so its memory stays flat whatever the gallery's size,
// and writes its progress to the record the client polls.
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Upload } from '@aws-sdk/lib-storage';
import { ZipArchive } from 'archiver';
import { s3 } from '../adapters/storage.ts';
import { config } from '../config.ts';
import { db, tableName } from '../data/db.ts';
import { keys, withoutKeys } from '../data/keys.ts';
import { objects, PREFIX } from '../data/objects.ts';
import { badRequest } from '../http/errors.ts';
import { logger } from '../http/logger.ts';

/** queued (manifest written) → running (a worker claimed it) → ready | failed */
export type ZipJobStatus = 'queued' | 'running' | 'ready' | 'failed';

export interface ZipEntryInput {
  /** Object key: an original or a derived file of the same gallery. */
  key: string;
  /** Name inside the ZIP (sanitised and made unique on request). */
  fileName: string;
  size?: number;
}

/** The object under jobs/zip/<jobId>.json that starts the worker. */
export interface ZipManifest {
  jobId: string;
  galleryId: string;
  studioId: string;
  /** Download name without ".zip". */
  name: string;
  entries: ZipEntryInput[];
}

export interface ZipJob {
  jobId: string;
  galleryId: string;
  studioId: string;
  requestedBy: string;
  /** Download name without ".zip". */
  name: string;
  status: ZipJobStatus;
  totalFiles: number;
  /** Sum of the entries' sizes, or null when the request did not know them all. */
  totalBytes: number | null;
  filesDone: number;
  /** Bytes of file content read into the ZIP so far. */
  bytesDone: number;
  /** Entries whose object no longer exists: left out of the ZIP. */
  skipped: { key: string; fileName: string }[];
  /** How many were skipped (the list above keeps the first MAX_SKIPPED_LISTED). */
  skippedCount: number;
  outputKey: string | null;
  outputBytes: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  /** When the record and the ZIP go away (the bucket's tmp/ lifecycle rule, the table's TTL). */
  expiresAt: string;
}

export const MAX_ZIP_FILES = 10_000;
export const ZIP_TTL_SECONDS = 24 * 3600;
/** A running job whose record has not moved for this long lost its worker (Lambda timeout, crash). */
export const ZIP_STALE_AFTER_MS = 5 * 60_000;
const MAX_SKIPPED_LISTED = 100;
const MAX_NAME_LENGTH = 180;
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
const PROGRESS_EVERY_FILES = 5;
const PROGRESS_EVERY_BYTES = 32 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Names

/**
 * A name that is safe as one file in any OS's folder: no path separators, no "..", no control or
 * invisible formatting characters (bidi overrides make "gpj.exe" look like "exe.jpg"), none of the
 * characters Windows refuses, no leading dot, no trailing dot or space, not a Windows device name.
 */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  let name = raw
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\<>:"|?*]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!name) name = fallback;
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `_${name}`;
  const chars = Array.from(name);
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name =
      chars
        .slice(0, MAX_NAME_LENGTH - ext.length)
        .join('')
        .trimEnd() + ext;
  }
  return name;
}

/** Sanitises every name and makes each unique, case-insensitively: IMG_1.jpg, IMG_1 (2).jpg, … */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return names.map((raw) => {
    const name = sanitizeFileName(raw);
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    const base = name.toLowerCase();
    let candidate = name;
    for (let n = nextSuffix.get(base) ?? 2; taken.has(candidate.toLowerCase()); n++) {
      candidate = `${stem} (${n})${ext}`;
      nextSuffix.set(base, n + 1);
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The download's name, without ".zip" (objects.zipOutput adds it). */
export function zipName(raw: string): string {
  return sanitizeFileName(raw.replace(/\.zip\s*$/i, ''), 'download');
}

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A ZIP may only hold files of its own gallery. */
function belongsToGallery(key: string, studioId: string, galleryId: string): boolean {
  const inside = (prefix: string) => key.startsWith(prefix) && !key.slice(prefix.length).split('/').includes('..');
  return inside(`${PREFIX.originals}${studioId}/${galleryId}/`) || inside(`derived/${studioId}/${galleryId}/`);
}

// ---------------------------------------------------------------------------------------------
// Request and status

export interface RequestZipInput {
  studioId: string;
  galleryId: string;
  /** Who asked (a studio user's sub or a client id), for the record. */
  requestedBy: string;
  name: string;
  entries: ZipEntryInput[];
}

/**
 * Records a queued job, then writes its manifest; the manifest's object-created event is what
 * starts the worker (no other invocation path exists). The caller has checked that the requester
 * may download these files; the keys must still lie inside the gallery.
 */
export async function requestZip(input: RequestZipInput): Promise<ZipJob> {
  if (input.entries.length === 0) throw badRequest('empty_zip', 'Choose at least one file to download.');
  if (input.entries.length > MAX_ZIP_FILES) throw badRequest('zip_too_large', `A download holds at most ${MAX_ZIP_FILES} files.`);
  for (const entry of input.entries) {
    if (!belongsToGallery(entry.key, input.studioId, input.galleryId)) {
      throw badRequest('invalid_zip_entry', 'A requested file is not part of this gallery.');
    }
  }
  const fileNames = uniqueFileNames(input.entries.map((e) => e.fileName));
  const entries = input.entries.map((e, i) => ({
    key: e.key,
    fileName: fileNames[i] as string,
    ...(typeof e.size === 'number' && Number.isFinite(e.size) && e.size >= 0 ? { size: e.size } : {}),
  }));
  const sizes = entries.map((e) => e.size);
  const totalBytes = sizes.every((s) => s !== undefined) ? sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0) : null;

  const now = new Date();
  const jobId = randomUUID();
  const ttl = Math.floor(now.getTime() / 1000) + ZIP_TTL_SECONDS;
  const job: ZipJob = {
    jobId,
    galleryId: input.galleryId,
    studioId: input.studioId,
    requestedBy: input.requestedBy,
    name: zipName(input.name),
    status: 'queued',
    totalFiles: entries.length,
    totalBytes,
    filesDone: 0,
    bytesDone: 0,
    skipped: [],
    skippedCount: 0,
    outputKey: null,
    outputBytes: null,
    error: null,
    createdAt: now.toISOString(),
    startedAt: null,
    finishedAt: null,
    updatedAt: now.toISOString(),
    expiresAt: new Date(ttl * 1000).toISOString(),
  };
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.zipJob(input.galleryId, jobId), type: 'zipJob', ttl, ...job },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  const manifest: ZipManifest = { jobId, galleryId: input.galleryId, studioId: input.studioId, name: job.name, entries };
  try {
    await s3().send(
      new PutObjectCommand({
        Bucket: config.bucketName,
        Key: objects.zipJob(jobId),
        Body: JSON.stringify(manifest),
        ContentType: 'application/json',
      }),
    );
  } catch (e) {
    await finish(input.galleryId, jobId, null, { status: 'failed', error: 'The download could not be queued.' }).catch(() => {});
    throw e;
  }
  return job;
}

/** The job as the client sees it; null if unknown or expired. A job whose worker died reads as failed. */
export async function getZipJob(galleryId: string, jobId: string, now = new Date()): Promise<ZipJob | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.zipJob(galleryId, jobId), ConsistentRead: true }));
  const item = out.Item;
  // TTL deletion lags by up to a couple of days; expired is gone.
  if (!item || (typeof item.ttl === 'number' && item.ttl * 1000 <= now.getTime())) return null;
  const job = toJob(item);
  if (job.status === 'running' && now.getTime() - Date.parse(job.updatedAt) > ZIP_STALE_AFTER_MS) {
    return { ...job, status: 'failed', error: job.error ?? 'The download stopped. Please try again.' };
  }
  // A job no worker ever claimed lost its start event (the table was unreachable through all of
  // the event's retries): without this the client would poll a queued job forever.
  if (job.status === 'queued' && now.getTime() - Date.parse(job.updatedAt) > ZIP_STALE_AFTER_MS) {
    return { ...job, status: 'failed', error: 'The download could not be started. Please try again.' };
  }
  return job;
}

function toJob(item: Record<string, unknown>): ZipJob {
  const { type: _type, runId: _runId, ...job } = withoutKeys(item);
  return job as unknown as ZipJob;
}

// ---------------------------------------------------------------------------------------------
// The worker

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
  let job: ZipJob | null;
  try {
    job = await finish(galleryId, jobId, runId, outcome);
  } catch (e) {
    // Another worker took the job over (this one looked dead): its result stands.
    if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
    log.warn('zip job was taken over by another worker');
    return null;
  }
  // The manifest has served its purpose; a late duplicate event then finds nothing to do.
  await s3()
    .send(new DeleteObjectCommand({ Bucket: config.bucketName, Key: manifestKey }))
    .catch((e: unknown) => log.warn('could not delete the zip manifest', { error: e as Error }));
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
  let text: string;
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    text = await (out.Body as { transformToString(): Promise<string> }).transformToString();
  } catch (e) {
    if (isMissing(e)) return null; // already done (the worker deletes it) or never existed
    throw e;
  }
  const m = JSON.parse(text) as ZipManifest;
  if (`${PREFIX.zipJobs}${m.jobId}.json` !== key || !Array.isArray(m.entries)) {
    logger.error('malformed zip manifest', { key });
    return null;
  }
  return m;
}

async function claim(galleryId: string, jobId: string, runId: string): Promise<boolean> {
  const now = new Date();
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.zipJob(galleryId, jobId),
        UpdateExpression: 'SET #status = :running, runId = :run, startedAt = :now, updatedAt = :now, filesDone = :zero, bytesDone = :zero',
        ConditionExpression: 'attribute_exists(PK) AND (#status = :queued OR (#status = :running AND updatedAt < :stale))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':running': 'running',
          ':queued': 'queued',
          ':run': runId,
          ':now': now.toISOString(),
          ':zero': 0,
          ':stale': new Date(now.getTime() - ZIP_STALE_AFTER_MS).toISOString(),
        },
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof Error && e.name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** The final write; with a runId, only if this run still owns the job. */
async function finish(galleryId: string, jobId: string, runId: string | null, fields: Partial<ZipJob>): Promise<ZipJob> {
  const now = new Date().toISOString();
  const all: Record<string, unknown> = { ...fields, finishedAt: now, updatedAt: now };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(all).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return `#f${i} = :v${i}`;
  });
  if (runId) values[':run'] = runId;
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.zipJob(galleryId, jobId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: runId ? 'runId = :run' : 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return toJob(out.Attributes ?? {});
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
  const upload = new Upload({
    client: s3(),
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
    params: {
      Bucket: config.bucketName,
      Key: outputKey,
      Body: body,
      ContentType: 'application/zip',
      ContentDisposition: attachmentDisposition(`${zipName(manifest.name)}.zip`),
    },
  });

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
      let source: Readable;
      let modified: Date | undefined;
      try {
        const request = s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: entry.key }));
        // If the job fails meanwhile, a response that still arrives must not hold its socket.
        request.then(
          (out) => failure !== undefined && (out.Body as Readable | undefined)?.destroy(),
          () => {},
        );
        const out = await Promise.race([request, failed]);
        source = out.Body as Readable;
        modified = out.LastModified;
      } catch (e) {
        if (failure === undefined && isMissing(e)) {
          skipped.push({ key: entry.key, fileName });
          continue;
        }
        throw e;
      }
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
    this.#inFlight = db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.zipJob(this.#galleryId, this.#jobId),
          UpdateExpression: 'SET filesDone = :files, bytesDone = :bytes, updatedAt = :now',
          ConditionExpression: 'runId = :run AND #status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':files': files,
            ':bytes': bytes,
            ':now': new Date().toISOString(),
            ':run': this.#runId,
            ':running': 'running',
          },
        }),
      )
      .then(
        () => {},
        (e: unknown) => logger.warn('zip progress not saved', { jobId: this.#jobId, error: e as Error }),
      )
      .finally(() => {
        this.#inFlight = undefined;
      });
  }
}

function isMissing(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || status === 404;
}
