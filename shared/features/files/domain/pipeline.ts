// The files pipeline: a new object under files/ (shared/events.ts processProjectFile) is held to
// its version's ticket, then previewed (shared/features/previews), and the version written ready
// or failed with a conditional write. A file that cannot be previewed is still ready: its preview
// says why ("Preview not available: …") and it downloads. Anything transient throws, so the event
// is retried; a retry overwrites the same preview keys.

import { objects, parseProjectFileKey } from '../../../data/objects.ts';
import { logger } from '../../../logger.ts';
import { makePreview, type Preview } from '../../previews/index.ts';
import { ticketMismatch } from '../../uploads/index.ts';
import { deleteObjects, finishVersion, getVersion, storedObject } from '../data.ts';

const previewObjects = (p: Preview): string[] => [
  ...p.pages.map((page) => page.key),
  ...(p.thumbKey ? [p.thumbKey] : []),
  ...(p.posterKey ? [p.posterKey] : []),
];

export async function processProjectFile(key: string): Promise<void> {
  const parsed = parseProjectFileKey(key);
  if (!parsed) {
    logger.warn('Not a project file key; ignored', { key });
    return;
  }
  const { studioId, projectId, fileId, version: n } = parsed;
  const version = await getVersion(projectId, fileId, n);
  if (!version || version.studioId !== studioId || version.key !== key) {
    // No version was ticketed for this key (or its file was deleted meanwhile): nothing may keep it.
    logger.warn('No version for this object; deleted', { key });
    await deleteObjects([key]);
    return;
  }
  if (version.status === 'ready' || version.status === 'failed') return;
  const stored = await storedObject(key);
  if (!stored) return; // deleted since (the file was removed, or a mismatch refused): nothing to do
  const mismatch = ticketMismatch(version, stored);
  if (mismatch) {
    // Failed first, then deleted: whoever finds the object gone finds the reason already there.
    await finishVersion(version, { status: 'failed', reason: mismatch });
    await deleteObjects([key]);
    return;
  }
  const preview = await makePreview({
    key,
    contentType: version.contentType,
    fileName: version.fileName,
    size: stored.size,
    derivedPrefix: objects.previewPrefix(studioId, projectId, fileId, n),
  });
  if (!(await finishVersion(version, { status: 'ready', preview }))) {
    // The version went while its preview was made (the file was deleted): so do its objects.
    const still = await getVersion(projectId, fileId, n);
    if (!still) await deleteObjects([key, ...previewObjects(preview)]);
  }
}
