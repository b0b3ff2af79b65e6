// The page images a signer reviews, rendered (object event renderReleasePages) from the very bytes
// whose SHA-256 the release records: the document object is never written twice.
import { objects, parseReleaseDocumentKey } from '../../../data/objects.ts';
import { logger } from '../../../logger.ts';
import { makePreview } from '../../previews/index.ts';
import { setDocumentPages } from '../data.ts';

export async function renderReleasePages(key: string, size: number): Promise<void> {
  const parts = parseReleaseDocumentKey(key);
  if (!parts) return;
  const preview = await makePreview({
    key,
    contentType: 'application/pdf',
    fileName: 'document.pdf',
    size,
    derivedPrefix: objects.releasePages(parts.studioId, parts.releaseId),
  });
  if (preview.state !== 'ready') logger.warn('A release document has no page images', { key, reason: preview.reason });
  await setDocumentPages(parts.releaseId, preview.pages ?? []);
}
