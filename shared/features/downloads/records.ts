// Downloads' records: a ZIP job in the gallery's partition (its keys and its row of the key table are
// galleries/records.ts'), and the manifest object under jobs/zip/ that starts the worker.
import type { ZIP_STATUSES } from './schemas.ts';

/** queued (manifest written) → running (a worker claimed it) → ready | failed */

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
  status: (typeof ZIP_STATUSES)[number];
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
