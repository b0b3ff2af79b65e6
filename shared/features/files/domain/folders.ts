// The studio's folders of a project's Files tab.
import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../../errors.ts';
import { projectForStudio } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { FILE_LIMITS } from '../constants.ts';
import { countFolders, deleteEmptyFolder, putFolder, updateFolderFields } from '../data.ts';
import type { FolderRecord } from '../records.ts';
import { folderView } from './views.ts';

type StudioSession = { studio: Studio; user: StudioUser };

const NO_FOLDER = 'No such folder in this project.';

export async function createFolder(session: StudioSession, projectId: string, input: { name: string; clientUploads?: boolean }) {
  const project = await projectForStudio(session, projectId);
  if ((await countFolders(projectId)) >= FILE_LIMITS.folders)
    throw conflict('folder_limit', `A project holds at most ${FILE_LIMITS.folders} folders.`);
  const now = new Date().toISOString();
  const folder: FolderRecord = {
    folderId: randomUUID(),
    projectId,
    studioId: project.studioId,
    name: input.name,
    clientUploads: input.clientUploads ?? false,
    fileCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  await putFolder(folder);
  return folderView(folder);
}

export async function updateFolder(
  session: StudioSession,
  projectId: string,
  folderId: string,
  input: { name?: string; clientUploads?: boolean },
) {
  await projectForStudio(session, projectId);
  const folder = await updateFolderFields(projectId, folderId, input, new Date().toISOString());
  if (!folder) throw notFound(NO_FOLDER);
  return folderView(folder);
}

export async function deleteFolder(session: StudioSession, projectId: string, folderId: string): Promise<void> {
  await projectForStudio(session, projectId);
  const outcome = await deleteEmptyFolder(projectId, folderId);
  if (outcome === 'gone') throw notFound(NO_FOLDER);
  if (outcome === 'not_empty') throw conflict('folder_not_empty', 'This folder still holds files. Move or delete them first.');
}
