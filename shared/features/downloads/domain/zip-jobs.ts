// ZIP downloads. A request writes a job record, then a manifest object under jobs/zip/; the
// manifest's object-created event starts the worker (zip-worker.ts, functions/downloads/buildZip.ts),
// locally as in AWS. This file is what the API routes need: the files' names, the request and the
// job's status (the table and bucket requests are in ../data/zip-jobs.ts). The worker (archiver,
// streams) lives apart so the routes' bundles do not carry it.

import { randomUUID } from 'node:crypto';
import { PREFIX } from '../../../data/objects.ts';
import { invalid } from '../../../errors.ts';
import { INVISIBLE_OR_CONTROL } from '../../../safe-text.ts';
import { getZipJobRecord, putZipJob, putZipManifest, updateZipJob } from '../data/zip-jobs.ts';
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
