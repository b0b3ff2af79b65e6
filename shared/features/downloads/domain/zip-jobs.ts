// ZIP downloads. A request writes a job record, then a manifest object under jobs/zip/; the
// manifest's object-created event starts the worker (zip-worker.ts, functions/downloads/buildZip.ts),
// locally as in AWS. This file is what the API routes need: the files' names, the request and the
// job's status (the table and bucket requests are in ../data/zip-jobs.ts). The worker (archiver,
// streams) lives apart so the routes' bundles do not carry it.

import { createHash, randomUUID } from 'node:crypto';
import { PREFIX } from '../../../data/objects.ts';
import { invalid, limitReached } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import { INVISIBLE_OR_CONTROL } from '../../../safe-text.ts';
import {
  freeZipSlot,
  getZipJobRecord,
  getZipSet,
  getZipSlots,
  putZipJob,
  putZipManifest,
  putZipSet,
  takeZipSlot,
  updateZipJob,
  type ZipSlot,
} from '../data/zip-jobs.ts';
import type { ZipEntryInput, ZipJob, ZipManifest } from '../records.ts';

export const MAX_ZIP_FILES = 10_000;
export const ZIP_TTL_SECONDS = 24 * 3600;
/** A running job whose record has not moved for this long lost its worker (Lambda timeout, crash). */
export const ZIP_STALE_AFTER_MS = 5 * 60_000;
export const MAX_SKIPPED_LISTED = 100;
const MAX_NAME_LENGTH = 180;

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
    .replace(INVISIBLE_OR_CONTROL, '')
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

/** A ZIP may only hold files of its own gallery. */
export function belongsToGallery(key: string, studioId: string, galleryId: string): boolean {
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
  /** The job's id, when the caller needed it before the job existed (a slot names it). */
  jobId?: string;
}

/**
 * Records a queued job, then writes its manifest; the manifest's object-created event is what
 * starts the worker (no other invocation path exists). The caller has checked that the requester
 * may download these files; the keys must still lie inside the gallery.
 */
export async function requestZip(input: RequestZipInput): Promise<ZipJob> {
  if (input.entries.length === 0) throw invalid('empty_zip', 'Choose at least one file to download.');
  if (input.entries.length > MAX_ZIP_FILES) throw invalid('zip_too_large', `A download holds at most ${MAX_ZIP_FILES} files.`);
  for (const entry of input.entries) {
    if (!belongsToGallery(entry.key, input.studioId, input.galleryId)) {
      throw invalid('invalid_zip_entry', 'A requested file is not part of this gallery.');
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
  const jobId = input.jobId ?? randomUUID();
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
  await putZipJob(job, ttl);
  const manifest: ZipManifest = { jobId, galleryId: input.galleryId, studioId: input.studioId, name: job.name, entries };
  try {
    await putZipManifest(manifest);
  } catch (e) {
    await finishJob(input.galleryId, jobId, null, { status: 'failed', error: 'The download could not be queued.' }).catch(() => {});
    throw e;
  }
  return job;
}

/**
 * Writes a job's end (or a failure) and returns it; with a runId, only if that run still owns the
 * job: null when it does not (another worker took it over), or when there is no such job.
 */
export async function finishJob(galleryId: string, jobId: string, runId: string | null, fields: Partial<ZipJob>): Promise<ZipJob | null> {
  const now = new Date().toISOString();
  return updateZipJob(galleryId, jobId, runId, { ...fields, finishedAt: now, updatedAt: now });
}

/** The job as the client sees it; null if unknown or expired. A job whose worker died reads as failed. */
export async function getZipJob(galleryId: string, jobId: string, now = new Date()): Promise<ZipJob | null> {
  const job = await getZipJobRecord(galleryId, jobId, now);
  if (!job) return null;
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

// ---------------------------------------------------------------------------------------------
// A client's ZIPs: the same set handed out again, and at most a few building at once

/** A ready ZIP is handed out again only while it outlives the link to it (an hour) by this much. */
const REUSE_MARGIN_MS = 2 * 3600_000;
/** A slot whose job record never appeared lost its request (it failed between the two writes). */
const SLOT_GRACE_MS = 60_000;
const ZIP_RETRY_AFTER_SECONDS = 30;

/** Same name and same files in the same order: the same ZIP. */
const fingerprintOf = (input: RequestZipInput) =>
  createHash('sha256')
    .update(JSON.stringify([input.name, input.entries.map((e) => [e.key, e.fileName, e.size ?? null])]))
    .digest('base64url');

/** Building, or built and not about to expire: worth handing out instead of building again. */
const reusable = (job: ZipJob, now: Date) =>
  job.status === 'queued' ||
  job.status === 'running' ||
  (job.status === 'ready' && job.outputKey !== null && Date.parse(job.expiresAt) - now.getTime() > REUSE_MARGIN_MS);

/** A slot is free again once its job is over (ready, failed, stale or expired). */
async function slotIsFree(galleryId: string, slot: ZipSlot, now: Date): Promise<boolean> {
  const job = await getZipJob(galleryId, slot.jobId, now);
  if (!job) return now.getTime() - Date.parse(slot.takenAt) > SLOT_GRACE_MS;
  return job.status === 'ready' || job.status === 'failed';
}

/** Takes one of the client's `cap` slots for `jobId`; null when every one holds a live job. */
async function takeSlot(galleryId: string, clientId: string, jobId: string, cap: number, now: Date, ttl: number): Promise<number | null> {
  const taken = new Map((await getZipSlots(galleryId, clientId)).map((s) => [s.slot, s]));
  for (let n = 0; n < cap; n++) {
    const held = taken.get(n);
    if (held && !(await slotIsFree(galleryId, held, now))) continue;
    // Conditional on the slot as read: of requests racing for it, one wins and the rest move on.
    if (await takeZipSlot(galleryId, clientId, n, jobId, held?.jobId ?? null, now, ttl)) return n;
  }
  return null;
}

/**
 * A client's ZIP (requestedBy is the client): the job already building or built for the same set
 * if there is one, else a new job, if fewer than `cap` of the client's jobs in this gallery are
 * live (queued or running); 429 otherwise. The cap holds against any number of concurrent requests.
 */
export async function requestClientZip(input: RequestZipInput, cap: number, now = new Date()): Promise<ZipJob> {
  const { galleryId, requestedBy: clientId } = input;
  const fingerprint = fingerprintOf(input);
  const earlier = await getZipSet(galleryId, clientId, fingerprint);
  const earlierJob = earlier ? await getZipJob(galleryId, earlier, now) : null;
  if (earlierJob && reusable(earlierJob, now)) return earlierJob;

  const jobId = randomUUID();
  const ttl = Math.floor(now.getTime() / 1000) + ZIP_TTL_SECONDS;
  const slot = await takeSlot(galleryId, clientId, jobId, cap, now, ttl);
  if (slot === null) {
    throw limitReached(
      `You have ${cap} downloads of this gallery being prepared. Please wait for one to finish, then try again.`,
      ZIP_RETRY_AFTER_SECONDS,
    );
  }
  let job: ZipJob;
  try {
    job = await requestZip({ ...input, jobId });
  } catch (e) {
    await freeZipSlot(galleryId, clientId, slot, jobId).catch(() => {});
    throw e;
  }
  // Without it the next request for this set builds it again: a lost chance, not a failure.
  await putZipSet(galleryId, clientId, fingerprint, jobId, ttl).catch((e) => logger.warn('zip set not recorded', { error: e as Error }));
  return job;
}
