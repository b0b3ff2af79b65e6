// The Files tab: reading it (the team everything; a contact what is shared and their own
// uploads), renaming, moving, sharing, deleting, and downloading one version.
import { presignGet } from '../../../adapters/storage.ts';
import { limits } from '../../../config.ts';
import { conflict, notFound, unavailable } from '../../../errors.ts';
import type { Client } from '../../clients/index.ts';
import { newActivity, projectForClient, projectForStudio } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { CLIENT_CONTENT_TYPES, FILE_LIMITS } from '../constants.ts';
import { deleteFileWrite, deleteObjects, getFolder, queryFile, queryFilesTab, updateFileWrite } from '../data.ts';
import type { FileRecord, VersionRecord } from '../records.ts';
import type { UpdateFileBody, UploadLimits } from '../schemas.ts';
import { noteFileShared } from './emails.ts';
import { downloadName, mayDownload, maySeeFile, type Viewer, visibleVersions } from './rules.ts';
import { byNewest, clientFileView, folderView, studioFileView } from './views.ts';

type StudioSession = { studio: Studio; user: StudioUser };
type ClientSession = { studio: Studio; client: Client };

const NO_FILE = 'No such file in this project.';
/** A download link lives 5 minutes: long enough to start, short enough not to be passed around. */
const DOWNLOAD_TTL = 300;

export const studioLimits = (): UploadLimits => ({
  maxBytes: limits.fileMaxBytes,
  contentTypes: null,
  bytesPerHour: limits.uploadBytesPerHour,
});
export const clientLimits = (): UploadLimits => ({
  maxBytes: limits.clientFileMaxBytes,
  contentTypes: [...CLIENT_CONTENT_TYPES],
  bytesPerHour: limits.clientUploadBytesPerHour,
});

export async function studioFilesTab(session: StudioSession, projectId: string) {
  await projectForStudio(session, projectId);
  const tab = await queryFilesTab(projectId);
  const files = await Promise.all(tab.files.sort(byNewest).map((f) => studioFileView(f, tab.versions.get(f.fileId) ?? [])));
  return { folders: tab.folders.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(folderView), files, limits: studioLimits() };
}

/**
 * A contact's Files tab: the shared files and their own uploads, each with the versions that
 * arrived; the folders that hold one of those or take uploads (a folder's count of files is the
 * team's: another contact's uploads or unshared files are not told by it).
 */
export async function clientFilesTab(session: ClientSession, projectId: string) {
  await projectForClient(session, projectId);
  const viewer: Viewer = { kind: 'client', clientId: session.client.clientId };
  const tab = await queryFilesTab(projectId);
  const seen = tab.files
    .filter((f) => maySeeFile(f, viewer) && visibleVersions(f, tab.versions.get(f.fileId) ?? [], viewer).length > 0)
    .sort(byNewest);
  const files = await Promise.all(seen.map((f) => clientFileView(f, tab.versions.get(f.fileId) ?? [], viewer.clientId)));
  const holding = new Set(seen.map((f) => f.folderId));
  const folders = tab.folders
    .filter((f) => f.clientUploads || holding.has(f.folderId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((f) => ({ folderId: f.folderId, name: f.name, clientUploads: f.clientUploads }));
  return { folders, files, limits: clientLimits() };
}

async function fileOf(projectId: string, fileId: string) {
  const found = await queryFile(projectId, fileId);
  if (!found) throw notFound(NO_FILE);
  return found;
}

export async function updateFile(session: StudioSession, projectId: string, fileId: string, input: UpdateFileBody) {
  const project = await projectForStudio(session, projectId);
  const { file, versions } = await fileOf(projectId, fileId);
  const now = new Date().toISOString();
  const sharing = input.shared === true && !file.shared;
  const after: FileRecord = {
    ...file,
    name: input.name ?? file.name,
    folderId: input.folderId ?? file.folderId,
    shared: input.shared ?? file.shared,
    sharedAt: input.shared === undefined ? file.sharedAt : input.shared ? (file.sharedAt && file.shared ? file.sharedAt : now) : null,
    updatedAt: now,
  };
  if (after.folderId !== file.folderId && !(await getFolder(projectId, after.folderId)))
    throw notFound('No such folder in this project.', { folderId: ['names no folder of this project'] });
  // Sharing a file with nothing arrived yet tells the activity when its upload completes instead.
  const arrived = versions.some(mayDownload);
  const activity = sharing && arrived ? [newActivity(project.projectId, 'file_shared', `${after.name} shared`, now)] : [];
  if (!(await updateFileWrite(file, after, activity, FILE_LIMITS.filesPerFolder))) {
    const again = await queryFile(projectId, fileId);
    if (!again) throw notFound(NO_FILE);
    if (after.folderId !== file.folderId) {
      const target = await getFolder(projectId, after.folderId);
      if (!target) throw notFound('No such folder in this project.', { folderId: ['names no folder of this project'] });
      if (target.fileCount >= FILE_LIMITS.filesPerFolder)
        throw conflict('folder_full', `A folder holds at most ${FILE_LIMITS.filesPerFolder} files.`);
    }
    throw conflict('changed', 'This file was changed by someone else a moment ago. Reload it and try again.');
  }
  if (activity.length) await noteFileShared(session.studio.studioId, project, session.user.userId, `${after.name} shared with you`);
  return studioFileView(after, versions);
}

/** Every object a version may have: its original and its previews. */
const objectsOf = (v: VersionRecord): string[] => [
  v.key,
  ...(v.preview?.pages.map((p) => p.key) ?? []),
  ...(v.preview?.thumbKey ? [v.preview.thumbKey] : []),
  ...(v.preview?.posterKey ? [v.preview.posterKey] : []),
];

/**
 * Deletes a file with every version: the records in one transaction, then the objects. Objects a
 * preview still being made writes afterwards are deleted by the object event, which finds its
 * version gone.
 */
export async function deleteFile(session: StudioSession, projectId: string, fileId: string): Promise<void> {
  await projectForStudio(session, projectId);
  const { file, versions } = await fileOf(projectId, fileId);
  if (!(await deleteFileWrite(file, versions))) throw conflict('changed', 'This file was changed a moment ago. Reload it and try again.');
  if (!(await deleteObjects([...new Set(versions.flatMap(objectsOf))]))) throw unavailable();
}

async function downloadOf(file: FileRecord, versions: VersionRecord[], n: number, viewer: Viewer) {
  const version = visibleVersions(file, versions, viewer).find((v) => v.version === n);
  if (!version) throw notFound(NO_FILE);
  if (!mayDownload(version)) throw conflict('not_uploaded', 'This version has not finished uploading.');
  const fileName = downloadName(version.fileName, version.version, file.versionCount);
  return { url: await presignGet(version.key, { expiresIn: DOWNLOAD_TTL, downloadName: fileName }), fileName };
}

export async function studioDownload(session: StudioSession, projectId: string, fileId: string, n: number) {
  await projectForStudio(session, projectId);
  const { file, versions } = await fileOf(projectId, fileId);
  return downloadOf(file, versions, n, { kind: 'studio' });
}

export async function clientDownload(session: ClientSession, projectId: string, fileId: string, n: number) {
  await projectForClient(session, projectId);
  const { file, versions } = await fileOf(projectId, fileId);
  return downloadOf(file, versions, n, { kind: 'client', clientId: session.client.clientId });
}
