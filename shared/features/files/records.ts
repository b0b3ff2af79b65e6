// Shared files live in their project's partition (PROJECT#<projectId>, built on projects'
// `projectPartition`): folders, files and each file's versions. Their sort keys sort together —
// FILE#… before FOLDER#… — so the Files tab is one Query of that range, whatever the number of files.
import type { FeatureRecords } from '../../data/records.ts';
import type { Preview } from '../previews/index.ts';
import { keys as projectKeys } from '../projects/index.ts';
import type { VersionStatus } from './constants.ts';

export interface FolderRecord {
  folderId: string;
  projectId: string;
  studioId: string;
  name: string;
  /** Whether the project's client contacts may upload into it. */
  clientUploads: boolean;
  /** Files in it: every create, move and delete of a file changes it in the same transaction, so an emptied folder is known without a read. */
  fileCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Who put a file in: a team member, or one of the project's client contacts. */
export interface Uploader {
  kind: 'studio' | 'client';
  /** The studio user's or the client contact's id. */
  id: string;
  name: string;
}

export interface FileRecord {
  fileId: string;
  projectId: string;
  studioId: string;
  folderId: string;
  /** What the Files tab calls it (the first version's file name unless renamed). */
  name: string;
  /** Only shared files reach the client contacts, besides a contact's own uploads. */
  shared: boolean;
  sharedAt: string | null;
  uploadedBy: Uploader;
  /** The highest version number given out (versions are 1…versionCount, some perhaps never finished). */
  versionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface VersionRecord {
  fileId: string;
  projectId: string;
  studioId: string;
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  /** The original in the bucket: objects.projectFile(…). */
  key: string;
  status: VersionStatus;
  failureReason: string | null;
  preview: Preview | null;
  uploadedBy: Uploader;
  /** A multipart upload's id (files over the single-PUT size), kept to complete it. */
  multipartUploadId: string | null;
  /** When the completion told the studio (a client upload) or the contacts (a shared file): once. */
  announcedAt: string | null;
  createdAt: string;
}

const version4 = (n: number) => String(n).padStart(4, '0');

export const keys = {
  folder: (projectId: string, folderId: string) => ({ PK: projectKeys.projectPartition(projectId), SK: `FOLDER#${folderId}` }),
  file: (projectId: string, fileId: string) => ({ PK: projectKeys.projectPartition(projectId), SK: `FILE#${fileId}` }),
  version: (projectId: string, fileId: string, version: number) => ({
    PK: projectKeys.projectPartition(projectId),
    SK: `FILE#${fileId}#V#${version4(version)}`,
  }),
  /** The Files tab: every FILE#… and FOLDER#… item of the partition (FILE# sorts before FOLDER#). */
  filesTab: (projectId: string) => ({ PK: projectKeys.projectPartition(projectId), SKFrom: 'FILE#', SKTo: 'FOLDER$' }),
  /** One file with its versions. */
  fileWithVersions: (projectId: string, fileId: string) => ({ PK: projectKeys.projectPartition(projectId), SKPrefix: `FILE#${fileId}` }),
  folders: (projectId: string) => ({ PK: projectKeys.projectPartition(projectId), SKPrefix: 'FOLDER#' }),
} as const;

/** The `type` attribute of each item: how a Query of the Files tab's range tells them apart. */
export const ITEM_TYPES = { folder: 'projectFolder', file: 'projectFile', version: 'projectFileVersion' } as const;

export const records: FeatureRecords = {
  feature: 'files',
  rows: [
    { record: 'Project folder', PK: 'PROJECT#<projectId>', SK: 'FOLDER#<folderId>' },
    { record: 'Project file', PK: 'PROJECT#<projectId>', SK: 'FILE#<fileId>' },
    { record: 'Project file version', PK: 'PROJECT#<projectId>', SK: 'FILE#<fileId>#V#<4-digit version>' },
  ],
  accessPatterns: [
    "The Files tab (studio or client): one Query PK=PROJECT#<projectId>, SK BETWEEN 'FILE#' AND 'FOLDER$' (folders, files and their versions together, paged only by DynamoDB's 1 MB); a client's answer keeps the shared files and the contact's own uploads.",
    'One file with its versions (download, new version, delete): Query PK=PROJECT#<projectId>, SK begins_with FILE#<fileId>.',
    "A project's folders (the folder limit on create): Query PK=PROJECT#<projectId>, SK begins_with FOLDER#.",
    'Upload a file: one transaction puts the file and its version 1 and adds 1 to the folder’s fileCount (on condition the folder exists, has room, and — for a client — takes client uploads).',
    'A new version: one transaction raises the file’s versionCount (on condition it is the one read) and puts the version.',
    'Move a file: one transaction changes its folderId (on condition it is the one read) and moves 1 of fileCount between the folders; delete a folder: DeleteItem on condition fileCount = 0.',
    'Delete a file: one transaction deletes the file and every version (at most 50) and takes 1 off the folder’s fileCount; then its objects.',
    'Finish an upload (the completion or the object event): UpdateItem of the version, on condition of its status; the completion’s announcement (activity entry, the lead’s email) on condition announcedAt is not set, so it happens once.',
  ],
};
