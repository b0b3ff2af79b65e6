// Images of a gallery: the record each upload creates, and what the image pipeline writes back.
import { getImage, markImageReadyWrite } from '../data.ts';
import type { ImageRecord, ProcessedImage } from '../records.ts';
import type { ImageStatus } from '../schemas.ts';

/**
 * The pipeline's result. The gallery's image count goes up in the same transaction, once: a
 * retried event finds the image ready already and changes nothing. An image deleted meanwhile
 * is left alone.
 */
/** What marking an image ready did: the pipeline removes its files only when the image is gone. */
export type MarkReadyOutcome = 'ready' | 'already' | 'gone';

/**
 * Records the pipeline's result. 'already' for a repeated event (the image was ready: its files are
 * the ones just rewritten, and stay); 'gone' when the image or its gallery was removed meanwhile.
 */
export async function markImageReady(galleryId: string, imageId: string, result: ProcessedImage): Promise<MarkReadyOutcome> {
  const image = await getImage(galleryId, imageId);
  if (!image) return 'gone';
  if (image.status === 'ready') return 'already';
  if (await markImageReadyWrite(image.studioId, galleryId, imageId, result)) return 'ready';
  // Refused: made ready by a concurrent run, or the image (or its gallery) was removed.
  const now = await getImage(galleryId, imageId);
  return now?.status === 'ready' ? 'already' : 'gone';
}

/** The record an upload starts with: everything the pipeline fills in is still empty. */
export function newImageRecord(
  input: Pick<ImageRecord, 'imageId' | 'galleryId' | 'studioId' | 'fileName' | 'contentType' | 'size' | 'originalKey' | 'position'> & {
    status?: ImageStatus;
  },
): ImageRecord {
  return {
    ...input,
    status: input.status ?? 'uploading',
    failureReason: null,
    uploadedAt: new Date().toISOString(),
    width: null,
    height: null,
    takenAt: null,
    camera: null,
    derived: null,
    placeholder: null,
  };
}
