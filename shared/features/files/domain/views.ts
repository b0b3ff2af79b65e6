// What the API answers of folders, files and versions, for the team or for one contact.
import { presignGet } from '../../../adapters/storage.ts';
import type { FileRecord, FolderRecord, VersionRecord } from '../records.ts';
import type { ClientFile, FileVersion, StudioFile, StudioFolder } from '../schemas.ts';
import { currentVersion, type Viewer, visibleVersions } from './rules.ts';

export const folderView = (f: FolderRecord): StudioFolder => ({
  folderId: f.folderId,
  name: f.name,
  clientUploads: f.clientUploads,
  fileCount: f.fileCount,
  createdAt: f.createdAt,
});

async function versionView(v: VersionRecord): Promise<FileVersion> {
  const thumbKey = v.status === 'ready' ? (v.preview?.thumbKey ?? null) : null;
  return {
    version: v.version,
    fileName: v.fileName,
    contentType: v.contentType,
    size: v.size,
    status: v.status,
    failureReason: v.failureReason,
    preview: v.preview,
    thumbUrl: thumbKey ? await presignGet(thumbKey) : null,
    uploadedBy: { kind: v.uploadedBy.kind, name: v.uploadedBy.name },
    createdAt: v.createdAt,
  };
}

async function fileFields(file: FileRecord, versions: readonly VersionRecord[], viewer: Viewer) {
  const shown = visibleVersions(file, versions, viewer);
  const views = await Promise.all(shown.map(versionView));
  const current = currentVersion(shown);
  return {
    fileId: file.fileId,
    folderId: file.folderId,
    name: file.name,
    uploadedBy: { kind: file.uploadedBy.kind, name: file.uploadedBy.name },
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
    current: current ? (views[shown.indexOf(current)] ?? null) : null,
    versions: views,
  };
}

export async function studioFileView(file: FileRecord, versions: readonly VersionRecord[]): Promise<StudioFile> {
  return { ...(await fileFields(file, versions, { kind: 'studio' })), shared: file.shared, sharedAt: file.sharedAt };
}

export async function clientFileView(file: FileRecord, versions: readonly VersionRecord[], clientId: string): Promise<ClientFile> {
  const mine = file.uploadedBy.kind === 'client' && file.uploadedBy.id === clientId;
  return { ...(await fileFields(file, versions, { kind: 'client', clientId })), mine };
}

/** Newest first by the time they were added, folder by folder as the site groups them. */
export const byNewest = <T extends { createdAt: string }>(a: T, b: T) => b.createdAt.localeCompare(a.createdAt);
