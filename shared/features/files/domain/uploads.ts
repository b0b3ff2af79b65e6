// Getting a file into a project's Files tab: a ticket for its bytes (the studio into any folder, a
// contact only into a folder that takes client uploads, within their types and sizes), then the
// completion, which holds what arrived to the ticket and tells the right people once.
import { randomUUID } from 'node:crypto';
import { sendMail } from '../../../adapters/mail.ts';
import { limits } from '../../../config.ts';
import { objects } from '../../../data/objects.ts';
import { consume, giveBack, type Limit } from '../../../data/rate-limit.ts';
import { conflict, invalid, notAllowed, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import type { Client } from '../../clients/index.ts';
import { newActivity, type Project, projectForClient, projectForStudio } from '../../projects/index.ts';
import { getStudioUser, type Studio, type StudioUser } from '../../studios/index.ts';
import { bytesLimit, cleanFileName, finishObjectUpload, objectTicket, ticketMismatch } from '../../uploads/index.ts';
import { FILE_LIMITS } from '../constants.ts';
import {
  addVersionWrite,
  announceVersion,
  createFileWrite,
  deleteObjects,
  finishVersion,
  getFolder,
  getVersion,
  markVersionProcessing,
  queryFile,
} from '../data.ts';
import type { FileRecord, FolderRecord, Uploader, VersionRecord } from '../records.ts';
import type { ClientUploadBody, CompleteFileBody, NewVersionBody, StudioUploadBody } from '../schemas.ts';
import { clientUploadEmail, noteFileShared } from './emails.ts';
import { uploadRefusal } from './rules.ts';
import { clientFileView, studioFileView } from './views.ts';

type StudioSession = { studio: Studio; user: StudioUser };
type ClientSession = { studio: Studio; client: Client };

/** Bytes one contact may upload to one studio's projects per hour. */
export const clientBytesLimit = (): Limit => ({
  bucket: 'client-file-bytes',
  max: limits.clientUploadBytesPerHour,
  windowSeconds: 3600,
  message: 'You have uploaded as much as you may this hour. Please try again later.',
});

const NO_FOLDER = 'No such folder in this project.';
const NO_FILE = 'No such file in this project.';

function refuseUpload(file: { contentType: string; size: number }, caller: Parameters<typeof uploadRefusal>[1]): void {
  const refusal = uploadRefusal(file, caller);
  if (refusal) throw invalid('file_not_allowed', refusal.message, { [refusal.field]: [refusal.message] });
}

function newVersion(project: Project, fileId: string, n: number, input: NewVersionBody, by: Uploader, now: string): VersionRecord {
  return {
    fileId,
    projectId: project.projectId,
    studioId: project.studioId,
    version: n,
    fileName: cleanFileName(input.fileName),
    contentType: input.contentType,
    size: input.size,
    key: objects.projectFile(project.studioId, project.projectId, fileId, n),
    status: 'uploading',
    failureReason: null,
    preview: null,
    uploadedBy: by,
    multipartUploadId: null,
    announcedAt: null,
    createdAt: now,
  };
}

/** The ticket first (a multipart upload's id belongs in the version record), then file, version and folder count in one transaction. */
async function startFile(project: Project, folder: FolderRecord, input: ClientUploadBody, by: Uploader, shared: boolean) {
  const now = new Date().toISOString();
  const fileId = randomUUID();
  const version = newVersion(project, fileId, 1, input, by, now);
  const ticket = await objectTicket(version.key, version.contentType, version.size);
  version.multipartUploadId = ticket.multipart?.uploadId ?? null;
  const file: FileRecord = {
    fileId,
    projectId: project.projectId,
    studioId: project.studioId,
    folderId: folder.folderId,
    name: version.fileName,
    shared,
    sharedAt: shared ? now : null,
    uploadedBy: by,
    versionCount: 1,
    createdAt: now,
    updatedAt: now,
  };
  const refused = await createFileWrite(file, version, { room: FILE_LIMITS.filesPerFolder, clientOnly: by.kind === 'client' });
  if (refused) {
    // The folder's condition failed: gone, full, or closed to clients since it was read.
    const now = await getFolder(project.projectId, folder.folderId);
    if (!now) throw notFound(NO_FOLDER, { folderId: ['names no folder of this project'] });
    if (by.kind === 'client' && !now.clientUploads) throw notAllowed('uploads_closed', 'This folder does not take uploads.');
    throw conflict('folder_full', `A folder holds at most ${FILE_LIMITS.filesPerFolder} files.`);
  }
  return { file, version, ticket };
}

async function folderOf(projectId: string, folderId: string): Promise<FolderRecord> {
  const folder = await getFolder(projectId, folderId);
  if (!folder) throw notFound(NO_FOLDER, { folderId: ['names no folder of this project'] });
  return folder;
}

/** Spends `bytes` of a budget for the duration of `issue`; given back when nothing was issued. */
async function withinBudget<T>(limit: Limit, subject: string, bytes: number, issue: () => Promise<T>): Promise<T> {
  const amount = Math.max(1, bytes);
  const window = await consume(limit, subject, Date.now(), amount);
  try {
    return await issue();
  } catch (e) {
    await giveBack(limit, subject, window, amount).catch(() => undefined);
    throw e;
  }
}

export async function startStudioUpload(session: StudioSession, projectId: string, input: StudioUploadBody) {
  const project = await projectForStudio(session, projectId);
  refuseUpload(input, { kind: 'studio', maxBytes: limits.fileMaxBytes });
  const folder = await folderOf(projectId, input.folderId);
  const by: Uploader = { kind: 'studio', id: session.user.userId, name: session.user.name };
  const { file, version, ticket } = await withinBudget(bytesLimit(), session.studio.studioId, input.size, () =>
    startFile(project, folder, input, by, input.shared ?? false),
  );
  return { file: await studioFileView(file, [version]), version: 1, ticket };
}

export async function startClientUpload(session: ClientSession, projectId: string, input: ClientUploadBody) {
  const project = await projectForClient(session, projectId);
  refuseUpload(input, { kind: 'client', maxBytes: limits.clientFileMaxBytes });
  const folder = await folderOf(projectId, input.folderId);
  if (!folder.clientUploads) throw notAllowed('uploads_closed', 'This folder does not take uploads.');
  const { client } = session;
  const by: Uploader = { kind: 'client', id: client.clientId, name: client.name };
  const { file, version, ticket } = await withinBudget(
    clientBytesLimit(),
    `${session.studio.studioId}#${client.clientId}`,
    input.size,
    () => startFile(project, folder, input, by, false),
  );
  return { file: await clientFileView(file, [version], client.clientId), version: 1, ticket };
}

/** A new version of a file (the studio's): the earlier ones stay. */
export async function startNewVersion(session: StudioSession, projectId: string, fileId: string, input: NewVersionBody) {
  const project = await projectForStudio(session, projectId);
  refuseUpload(input, { kind: 'studio', maxBytes: limits.fileMaxBytes });
  const found = await queryFile(projectId, fileId);
  if (!found) throw notFound(NO_FILE);
  const { file, versions } = found;
  if (file.versionCount >= FILE_LIMITS.versions) throw conflict('version_limit', `A file keeps at most ${FILE_LIMITS.versions} versions.`);
  const by: Uploader = { kind: 'studio', id: session.user.userId, name: session.user.name };
  const now = new Date().toISOString();
  const version = newVersion(project, fileId, file.versionCount + 1, input, by, now);
  const ticket = await withinBudget(bytesLimit(), session.studio.studioId, input.size, async () => {
    const issued = await objectTicket(version.key, version.contentType, version.size);
    version.multipartUploadId = issued.multipart?.uploadId ?? null;
    if (!(await addVersionWrite(file, version, now)))
      throw conflict('changed', 'Someone added a version of this file a moment ago. Reload it and try again.');
    return issued;
  });
  const updated = { ...file, versionCount: version.version, updatedAt: now };
  return { file: await studioFileView(updated, [...versions, version]), version: version.version, ticket };
}

/**
 * Finishes an upload: completes a multipart upload, holds the object to its ticket (a mismatch is
 * deleted and the version failed), and hands it to the preview (the object event may have got
 * there first). Returns the version as it now is.
 */
async function finish(version: VersionRecord, input: CompleteFileBody): Promise<void> {
  if (version.status === 'failed')
    throw invalid('upload_refused', `This upload was refused: ${version.failureReason ?? 'upload it again'}.`);
  if (version.status !== 'uploading') return;
  if (version.multipartUploadId && input.uploadId !== version.multipartUploadId)
    throw invalid('invalid_request', 'This upload needs its uploadId and parts.', { parts: ['are required for a multipart upload'] });
  const { stored, refused } = await finishObjectUpload(version.key, version.multipartUploadId, input.parts);
  if (refused !== null) throw invalid('upload_incomplete', `The upload could not be completed: ${refused}`);
  if (!stored) {
    // Gone: the object event refused it meanwhile (it says why), or it never arrived.
    const now = await getVersion(version.projectId, version.fileId, version.version);
    if (now?.status === 'failed') throw invalid('upload_refused', `This upload was refused: ${now.failureReason ?? 'upload it again'}.`);
    if (now && now.status !== 'uploading') return;
    throw invalid('upload_incomplete', 'The file has not arrived yet.');
  }
  const mismatch = ticketMismatch(version, stored);
  if (mismatch) {
    await finishVersion(version, { status: 'failed', reason: mismatch });
    await deleteObjects([version.key]);
    throw invalid('upload_refused', `This upload was refused: ${mismatch}.`);
  }
  await markVersionProcessing(version);
}

async function versionToComplete(projectId: string, fileId: string, n: number) {
  const found = await queryFile(projectId, fileId);
  const version = found?.versions.find((v) => v.version === n);
  if (!found || !version) throw notFound(NO_FILE);
  return { file: found.file, versions: found.versions, version };
}

export async function completeStudioUpload(session: StudioSession, projectId: string, fileId: string, n: number, input: CompleteFileBody) {
  const project = await projectForStudio(session, projectId);
  const { file, version } = await versionToComplete(projectId, fileId, n);
  await finish(version, input);
  // A shared file's new version reaches the contacts' activity, once.
  if (file.shared) {
    const text = version.version === 1 ? `${file.name} shared` : `${file.name}: version ${version.version} shared`;
    const at = new Date().toISOString();
    if (await announceVersion(version, [newActivity(project.projectId, 'file_shared', text, at)], at))
      await noteFileShared(session.studio.studioId, project, session.user.userId, text);
  }
  const after = await queryFile(projectId, fileId);
  if (!after) throw notFound(NO_FILE);
  return studioFileView(after.file, after.versions);
}

export async function completeClientUpload(session: ClientSession, projectId: string, fileId: string, n: number, input: CompleteFileBody) {
  const project = await projectForClient(session, projectId);
  const { client } = session;
  const { file, version } = await versionToComplete(projectId, fileId, n);
  // Only the contact who uploaded it finishes it; to anyone else it does not exist.
  if (version.uploadedBy.kind !== 'client' || version.uploadedBy.id !== client.clientId) throw notFound(NO_FILE);
  await finish(version, input);
  const at = new Date().toISOString();
  // Every contact reads the activity: it says who uploaded, not what (another contact's uploads are not theirs to see).
  if (
    await announceVersion(version, [newActivity(project.projectId, 'file_uploaded', `${client.name} uploaded a file for the team`, at)], at)
  ) {
    await tellLead(session.studio, project, file, version, client).catch((error) => logger.warn('Upload email not sent', { error }));
  }
  const after = await queryFile(projectId, fileId);
  if (!after) throw notFound(NO_FILE);
  return clientFileView(after.file, after.versions, client.clientId);
}

async function tellLead(studio: Studio, project: Project, file: FileRecord, version: VersionRecord, client: Client): Promise<void> {
  const [lead, folder] = await Promise.all([getStudioUser(project.leadId), getFolder(project.projectId, file.folderId)]);
  if (!lead || lead.studioId !== studio.studioId) return;
  const mail = clientUploadEmail(studio, {
    leadName: lead.name,
    clientName: client.name,
    projectTitle: project.title,
    projectId: project.projectId,
    folderName: folder?.name ?? 'Files',
    fileName: version.fileName,
    size: version.size,
  });
  await sendMail({ to: lead.email, fromName: studio.name, ...mail });
}
