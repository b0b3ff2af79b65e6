// The studio's uploader: files go straight from the browser to S3 with presigned URLs; the API
// only hands out tickets and is told when a multipart upload is done.
//
//   drop of N files ──▶ queue ──▶ tickets in batches of ≤100, fetched just ahead of need
//                                  (presigned URLs expire: never ask for thousands up front)
//        ──▶ FILES_AT_ONCE files in flight ──▶ small file: one PUT
//                                               large file: PARTS_AT_ONCE parts in parallel,
//                                               each part's ETag kept, then /complete
//   every S3 request holds one of REQUESTS_AT_ONCE slots (browsers open ~6 connections per
//   host anyway); each request is retried RETRIES times with exponential backoff and jitter.
//
// The engine knows nothing of the UI: it notifies subscribers (throttled) and answers snapshot().
import {
  MAX_UPLOAD_BYTES,
  TICKETS_PER_REQUEST,
  UPLOAD_CONTENT_TYPES,
  type UploadContentType,
} from '../../../../shared/features/uploads/constants.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import type { StudioImage, UploadTicket } from '../../lib/gallery-types.ts';

export type UploadStatus = 'waiting' | 'uploading' | 'finishing' | 'done' | 'failed' | 'cancelled';

export interface UploadEntry {
  readonly key: number;
  readonly file: File;
  readonly fileName: string;
  readonly contentType: UploadContentType;
  readonly size: number;
  /** Bytes S3 has acknowledged so far (upload progress events). */
  sent: number;
  status: UploadStatus;
  error: string | null;
  imageId: string | null;
}

export interface UploadTotals {
  files: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Waiting or in flight. */
  pending: number;
  bytes: number;
  sentBytes: number;
}

export interface Skipped {
  name: string;
  reason: string;
}

interface Internal extends UploadEntry {
  ticket: UploadTicket | null;
  requesting: boolean;
  xhrs: Set<XMLHttpRequest>;
}

const FILES_AT_ONCE = 3;
const PARTS_AT_ONCE = 4;
const REQUESTS_AT_ONCE = 6;
const RETRIES = 3;
/** Ask for the next batch of tickets when fewer than this many ticketed files wait. */
const LOOKAHEAD = 6;
/**
 * Presigned URLs live an hour: a batch of tickets holds at most this many bytes, so its last file
 * starts well within the hour even on a slow line (2 GB at 10 Mbit/s is about 27 minutes).
 */
const BATCH_BYTES = 2 * 1024 ** 3;

const BY_EXTENSION: Record<string, UploadContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** What the file picker offers: the upload types, and the extensions of files browsers give no type. */
export const UPLOAD_ACCEPT = [...UPLOAD_CONTENT_TYPES, ...Object.keys(BY_EXTENSION).map((ext) => `.${ext}`)].join(',');

/** The upload content type of a file, from its type or (HEIC often has none) its extension. */
export function contentTypeOf(file: { name: string; type: string }): UploadContentType | null {
  if ((UPLOAD_CONTENT_TYPES as readonly string[]).includes(file.type)) return file.type as UploadContentType;
  if (file.type === 'image/jpg' || file.type === 'image/pjpeg') return 'image/jpeg';
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return ext ? (BY_EXTENSION[ext] ?? null) : null;
}

/** A name the API accepts: no control characters, at most 200 characters, extension kept. */
export function uploadName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim() || 'image';
  if (clean.length <= 200) return clean;
  const ext = /\.[a-z0-9]{1,5}$/i.exec(clean)?.[0] ?? '';
  return clean.slice(0, 200 - ext.length) + ext;
}

class Cancelled extends Error {
  override name = 'Cancelled';
}

class HttpFailure extends Error {
  readonly status: number;
  constructor(status: number) {
    super(
      status === 0
        ? 'The connection dropped while uploading.'
        : status === 403
          ? 'The upload link expired or was refused. Retry to get a fresh one.'
          : `The storage refused the file (error ${status}).`,
    );
    this.status = status;
  }
}

/** Status may change under an await (cancelAll): read it through here, not narrowed by TypeScript. */
const cancelled = (entry: { status: UploadStatus } | null): boolean => entry?.status === 'cancelled';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** 1 s, 2 s, 4 s, … with ±25 % jitter, so parallel retries do not stampede together. */
const backoff = (attempt: number) => 1000 * 2 ** attempt * (0.75 + Math.random() * 0.5);

function retryable(e: unknown): boolean {
  if (e instanceof Cancelled) return false;
  if (e instanceof HttpFailure) return e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500;
  if (e instanceof ApiError) return e.status === 0 || e.status === 429 || e.status >= 500 || e.code === 'upload_incomplete';
  return false;
}

/** At most `size` tasks at a time; the others wait their turn in order. */
class Slots {
  private free: number;
  private queue: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((r) => this.queue.push(r));
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.free++;
    }
  }
}

export class Uploader {
  private readonly galleryId: string;
  private readonly onUploaded: (image: StudioImage) => void;
  private entries: Internal[] = [];
  /** Entries by the gallery image their ticket created. */
  private readonly byImage = new Map<string, Internal>();
  private nextKey = 1;
  private active = 0;
  private ticketing = false;
  private readonly slots = new Slots(REQUESTS_AT_ONCE);
  private readonly cleanup = new Slots(3);
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(galleryId: string, onUploaded: (image: StudioImage) => void) {
    this.galleryId = galleryId;
    this.onUploaded = onUploaded;
  }

  /** Queues files; what cannot be uploaded is returned with the reason, never sent. */
  add(files: Iterable<File>): { added: number; skipped: Skipped[] } {
    const skipped: Skipped[] = [];
    let added = 0;
    for (const file of files) {
      const contentType = contentTypeOf(file);
      if (!contentType) skipped.push({ name: file.name, reason: 'not a JPEG, PNG, WebP, TIFF or HEIC image' });
      else if (file.size === 0) skipped.push({ name: file.name, reason: 'the file is empty' });
      else if (file.size > MAX_UPLOAD_BYTES) skipped.push({ name: file.name, reason: `larger than ${formatBytes(MAX_UPLOAD_BYTES)}` });
      else {
        this.entries.push({
          key: this.nextKey++,
          file,
          fileName: uploadName(file.name),
          contentType,
          size: file.size,
          sent: 0,
          status: 'waiting',
          error: null,
          imageId: null,
          ticket: null,
          requesting: false,
          xhrs: new Set(),
        });
        added++;
      }
    }
    this.changed();
    this.pump();
    return { added, skipped };
  }

  /** Uploads a failed file again, with a fresh ticket (its old one may have expired). */
  retry(key: number): void {
    const entry = this.entries.find((e) => e.key === key);
    if (entry?.status !== 'failed') return;
    this.discard(entry);
    Object.assign(entry, { status: 'waiting', error: null, sent: 0, ticket: null, imageId: null });
    this.changed();
    this.pump();
  }

  retryFailed(): void {
    for (const e of this.entries) if (e.status === 'failed') this.retry(e.key);
  }

  /** Stops everything not yet uploaded, and removes the gallery records those files had started. */
  cancelAll(): void {
    for (const entry of this.entries) {
      if (entry.status !== 'waiting' && entry.status !== 'uploading' && entry.status !== 'finishing' && entry.status !== 'failed') continue;
      entry.status = 'cancelled';
      for (const xhr of entry.xhrs) xhr.abort();
      entry.xhrs.clear();
      this.discard(entry);
    }
    this.changed();
  }

  /** Forgets finished and cancelled files (the list starts afresh for the next drop). */
  clearFinished(): void {
    if (this.running) return;
    this.entries = this.entries.filter((e) => e.status === 'failed');
    for (const [id, e] of this.byImage) if (e.status !== 'failed') this.byImage.delete(id);
    this.changed();
  }

  get running(): boolean {
    return this.entries.some((e) => e.status === 'waiting' || e.status === 'uploading' || e.status === 'finishing');
  }

  /** Progress of one gallery image being uploaded (0–1), for its tile. */
  progressOf(imageId: string): number | null {
    const e = this.byImage.get(imageId);
    return e && (e.status === 'uploading' || e.status === 'finishing') ? e.sent / e.size : null;
  }

  snapshot(): { entries: readonly UploadEntry[]; totals: UploadTotals } {
    const totals: UploadTotals = { files: 0, done: 0, failed: 0, cancelled: 0, pending: 0, bytes: 0, sentBytes: 0 };
    for (const e of this.entries) {
      if (e.status === 'cancelled') {
        totals.cancelled++;
        continue;
      }
      totals.files++;
      totals.bytes += e.size;
      totals.sentBytes += e.status === 'done' ? e.size : Math.min(e.sent, e.size);
      if (e.status === 'done') totals.done++;
      else if (e.status === 'failed') totals.failed++;
      else totals.pending++;
    }
    return { entries: this.entries, totals };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Progress events come by the hundred per second: listeners hear at most ten a second. */
  private changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      for (const l of this.listeners) l();
    }, 100);
  }

  private pump(): void {
    const waiting = this.entries.filter((e) => e.status === 'waiting' && !e.requesting);
    const ticketed = waiting.filter((e) => e.ticket);
    if (!this.ticketing && ticketed.length < LOOKAHEAD && waiting.some((e) => !e.ticket)) void this.fetchTickets();
    for (const entry of ticketed) {
      if (this.active >= FILES_AT_ONCE) break;
      void this.upload(entry);
    }
  }

  private async fetchTickets(): Promise<void> {
    const batch: Internal[] = [];
    let bytes = 0;
    for (const e of this.entries) {
      if (e.status !== 'waiting' || e.ticket || e.requesting) continue;
      if (batch.length === TICKETS_PER_REQUEST || (batch.length > 0 && bytes + e.size > BATCH_BYTES)) break;
      batch.push(e);
      bytes += e.size;
    }
    if (!batch.length) return;
    this.ticketing = true;
    for (const e of batch) e.requesting = true;
    try {
      const files = batch.map((e) => ({ fileName: e.fileName, contentType: e.contentType, size: e.size }));
      const { tickets } = await this.withRetries(null, () =>
        call('createUpload', { params: { galleryId: this.galleryId }, body: { files } }),
      );
      for (const [i, entry] of batch.entries()) {
        const ticket = tickets[i];
        entry.requesting = false;
        if (!ticket) {
          this.fail(entry, 'The server did not start this upload.');
          continue;
        }
        entry.ticket = ticket;
        entry.imageId = ticket.imageId;
        this.byImage.set(ticket.imageId, entry);
        // Cancelled while the tickets were on their way: the records they created go again.
        if (entry.status === 'cancelled') this.discard(entry);
      }
    } catch (e) {
      // A refused file (the API names it as files.<i>.<field>) fails alone; otherwise the batch does.
      const named = e instanceof ApiError ? Object.entries(e.fields).filter(([k]) => /^files\.\d+/.test(k)) : [];
      for (const entry of batch) entry.requesting = false;
      if (named.length) {
        for (const [k, messages] of named) {
          const entry = batch[Number(k.split('.')[1])];
          if (entry) this.fail(entry, `Refused: ${messages[0] ?? 'not accepted'}.`);
        }
      } else {
        for (const entry of batch) if (entry.status === 'waiting') this.fail(entry, messageOf(e));
      }
    } finally {
      this.ticketing = false;
      this.changed();
      this.pump();
    }
  }

  private async upload(entry: Internal): Promise<void> {
    const ticket = entry.ticket as UploadTicket;
    this.active++;
    entry.status = 'uploading';
    entry.sent = 0;
    this.changed();
    try {
      let body: { uploadId?: string; parts?: Array<{ partNumber: number; etag: string }> } = {};
      if (ticket.multipart) {
        body = { uploadId: ticket.multipart.uploadId, parts: await this.uploadParts(entry, ticket.multipart) };
      } else if (ticket.put) {
        // The URL signs Content-Type (the ticket's headers) and Content-Length (the file's size, which
        // the browser sends for the File): the file goes up whole, with exactly those headers.
        const { url, headers } = ticket.put;
        await this.withRetries(entry, () =>
          this.put(entry, url, headers, entry.file, (loaded) => {
            entry.sent = loaded;
          }),
        );
      } else throw new Error('The server gave no upload address for this file.');
      if (cancelled(entry)) return;
      entry.status = 'finishing';
      entry.sent = entry.size;
      this.changed();
      // Single PUTs need no completion in AWS (the bucket event starts processing), but telling the
      // API moves the image to "processing" at once, and is harmless when the pipeline was faster.
      const { image } = await this.withRetries(entry, () =>
        call('completeUpload', { params: { galleryId: this.galleryId, imageId: ticket.imageId }, body }),
      );
      if (cancelled(entry)) return;
      entry.status = 'done';
      this.onUploaded(image);
    } catch (e) {
      if (!cancelled(entry)) this.fail(entry, e instanceof Error && !(e instanceof ApiError) ? e.message : messageOf(e));
    } finally {
      this.active--;
      this.changed();
      this.pump();
    }
  }

  /** Parts in parallel (PARTS_AT_ONCE), each retried on its own; the first part to fail for good stops the file. */
  private async uploadParts(entry: Internal, mp: NonNullable<UploadTicket['multipart']>) {
    const loaded = new Array<number>(mp.parts.length).fill(0);
    const etags: Array<{ partNumber: number; etag: string }> = [];
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < mp.parts.length && !failed && entry.status === 'uploading') {
        const i = next++;
        const part = mp.parts[i] as { partNumber: number; url: string };
        // Exactly the part's signed length (partSize, the last part the rest); a slice has no type,
        // so no Content-Type goes with it, and the browser sets Content-Length from the blob.
        const start = (part.partNumber - 1) * mp.partSize;
        const blob = entry.file.slice(start, Math.min(entry.size, start + mp.partSize));
        try {
          const etag = await this.withRetries(entry, () => {
            loaded[i] = 0;
            return this.put(entry, part.url, {}, blob, (n) => {
              loaded[i] = n;
              entry.sent = loaded.reduce((a, b) => a + b, 0);
            });
          });
          if (!etag) throw new Error('The storage did not tell us the part’s ETag (the bucket’s CORS rules must expose it).');
          etags.push({ partNumber: part.partNumber, etag });
        } catch (e) {
          failed = true;
          for (const xhr of entry.xhrs) xhr.abort();
          throw e;
        }
      }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(PARTS_AT_ONCE, mp.parts.length) }, worker));
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof Cancelled));
    if (rejected) throw rejected.reason;
    if (entry.status !== 'uploading') throw new Cancelled();
    return etags.sort((a, b) => a.partNumber - b.partNumber);
  }

  private async withRetries<T>(entry: Internal | null, task: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await task();
      } catch (e) {
        if (cancelled(entry)) throw new Cancelled();
        if (!retryable(e) || attempt >= RETRIES) throw e;
        await sleep(backoff(attempt));
        if (cancelled(entry)) throw new Cancelled();
      }
    }
  }

  /** One PUT to a presigned URL (XMLHttpRequest: fetch has no upload progress). Resolves with the ETag. */
  private put(entry: Internal, url: string, headers: Record<string, string>, body: Blob, progress: (loaded: number) => void) {
    return this.slots.run(
      () =>
        new Promise<string | null>((resolve, reject) => {
          if (entry.status === 'cancelled') return reject(new Cancelled());
          const xhr = new XMLHttpRequest();
          xhr.open('PUT', url);
          for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
          xhr.upload.onprogress = (e) => {
            progress(e.loaded);
            this.changed();
          };
          const done = () => entry.xhrs.delete(xhr);
          xhr.onload = () => {
            done();
            if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.getResponseHeader('ETag'));
            else reject(new HttpFailure(xhr.status));
          };
          xhr.onerror = () => {
            done();
            reject(new HttpFailure(0));
          };
          xhr.onabort = () => {
            done();
            reject(new Cancelled());
          };
          entry.xhrs.add(xhr);
          xhr.send(body);
        }),
    );
  }

  private fail(entry: Internal, message: string): void {
    entry.status = 'failed';
    entry.error = message;
    entry.requesting = false;
    this.changed();
  }

  /** The record a ticket created (status "uploading") goes, so no ghost stays in the gallery. */
  private discard(entry: Internal): void {
    const imageId = entry.imageId;
    if (!imageId || entry.requesting) return;
    this.byImage.delete(imageId);
    entry.imageId = null;
    entry.ticket = null;
    void this.cleanup.run(() => call('deleteImage', { params: { galleryId: this.galleryId, imageId } })).catch(() => undefined);
  }
}
