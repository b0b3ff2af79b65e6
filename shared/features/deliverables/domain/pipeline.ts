// A deliverable version's upload arrived (object event processDeliverable): held to its ticket,
// then previewed by the previews module, and the version marked ready with what can be shown, or
// failed when the file is not what the ticket was for. A file that cannot be previewed (empty,
// corrupt, encrypted, unplayable) is still ready: its preview says why, and it can be sent and
// downloaded. S3 or DynamoDB failures throw, so the event is retried.

import { objects, parseDeliverableUploadKey } from '../../../data/objects.ts';
import { logger } from '../../../logger.ts';
import { makePreview } from '../../previews/index.ts';
import { ticketMismatch } from '../../uploads/index.ts';
import { getVersionItem, markVersionFailed, markVersionProcessing, markVersionReady, storedObject } from '../data.ts';

export async function processVersionUpload(key: string): Promise<void> {
  const parsed = parseDeliverableUploadKey(key);
  if (!parsed) {
    logger.warn('Not a deliverable upload key; ignored', { key });
    return;
  }
  const v = await getVersionItem(parsed.projectId, parsed.deliverableId, parsed.version);
  // Removed meanwhile (the deliverable was deleted), or written around the API: nothing to do.
  if (!v || v.studioId !== parsed.studioId || v.file.key !== key) return;
  if (v.status === 'ready' || v.status === 'failed') return;
  const stored = await storedObject(key);
  if (!stored) return;
  if (v.status === 'uploading') await markVersionProcessing(v);
  const mismatch = ticketMismatch(v.file, stored);
  if (mismatch) {
    await markVersionFailed(v, mismatch);
    return;
  }
  const preview = await makePreview({
    key,
    contentType: v.file.contentType,
    fileName: v.file.fileName,
    size: stored.size,
    derivedPrefix: objects.previewPrefix(v.studioId, v.projectId, v.deliverableId, v.version),
  });
  if (!(await markVersionReady(v, preview))) logger.info('Version changed while it was previewed; preview dropped', { key });
}
