// Images of a gallery: the record each upload creates, and what the image pipeline writes back.
import { getImage, markImageReadyWrite } from '../data.ts';
import type { ImageRecord, ProcessedImage } from '../records.ts';
import type { ImageStatus } from '../schemas.ts';

/**
 * The pipeline's result. The gallery's image count goes up in the same transaction, once: a
 * retried event finds the image ready already and changes nothing. An image deleted meanwhile
 * is left alone.
 */
export async function markImageReady(galleryId: string, imageId: string, result: ProcessedImage): Promise<void> {
  const image = await getImage(galleryId, imageId);
  if (!image || image.status === 'ready') return;
  // Refused (already ready, or the image or gallery is gone): nothing to do.
  await markImageReadyWrite(image.studioId, galleryId, imageId, result);
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
