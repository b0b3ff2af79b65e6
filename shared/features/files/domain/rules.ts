// The Files tab's pure rules: who sees which file and version, what a caller may upload, and
// whether what arrived is what was announced. No I/O.
import { CLIENT_TYPES_SHOWN, formatBytes, mayClientUploadType, mediaTypeOf } from '../constants.ts';
import type { FileRecord, VersionRecord } from '../records.ts';

/** Who is looking: the team, or one client contact. */
export type Viewer = { kind: 'studio' } | { kind: 'client'; clientId: string };

const ownUpload = (file: Pick<FileRecord, 'uploadedBy'>, viewer: Viewer) =>
  viewer.kind === 'client' && file.uploadedBy.kind === 'client' && file.uploadedBy.id === viewer.clientId;

/** A client contact sees a file the studio shared, or one they uploaded themselves; the team sees every file. */
export const maySeeFile = (file: Pick<FileRecord, 'shared' | 'uploadedBy'>, viewer: Viewer): boolean =>
  viewer.kind === 'studio' || file.shared || ownUpload(file, viewer);

/** Whether a viewer may download a version: it must have arrived (not uploading, not refused). */
export const mayDownload = (v: Pick<VersionRecord, 'status'>): boolean => v.status === 'ready' || v.status === 'processing';

/**
 * The versions a viewer sees, newest first: the team every one (with its state); a contact only
 * those that arrived (not one still uploading or refused: their own upload's progress and refusal
 * are told by the upload itself, and an abandoned one is not left in their list).
 */
export function visibleVersions(file: Pick<FileRecord, 'shared' | 'uploadedBy'>, versions: readonly VersionRecord[], viewer: Viewer) {
  if (!maySeeFile(file, viewer)) return [];
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return viewer.kind === 'studio' ? sorted : sorted.filter(mayDownload);
}

/** The version a list shows for a file: the newest that arrived, else the newest there is. */
export const currentVersion = (shown: readonly VersionRecord[]): VersionRecord | null =>
  shown.find((v) => v.status === 'ready' || v.status === 'processing') ?? shown[0] ?? null;

/** Why a caller may not upload this file (the 400's message), or null. */
export function uploadRefusal(
  file: { contentType: string; size: number },
  caller: { kind: 'studio'; maxBytes: number } | { kind: 'client'; maxBytes: number },
): { field: 'contentType' | 'size'; message: string } | null {
  if (caller.kind === 'client' && !mayClientUploadType(file.contentType))
    return {
      field: 'contentType',
      message: `Files of type ${mediaTypeOf(file.contentType)} cannot be uploaded here. You can upload: ${CLIENT_TYPES_SHOWN}.`,
    };
  if (file.size > caller.maxBytes)
    return {
      field: 'size',
      message: `This file is ${formatBytes(file.size)}; files up to ${formatBytes(caller.maxBytes)} can be uploaded here.`,
    };
  return null;
}

/** The name a version is downloaded under: the file's name, with the version's extension if the name lost it. */
export function downloadName(fileName: string, version: number, versionCount: number): string {
  if (versionCount <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)} (v${version})${fileName.slice(dot)}` : `${fileName} (v${version})`;
}
