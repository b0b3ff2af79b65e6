// Getting images into a gallery and out of it: upload tickets (presigned PUTs and multipart parts),
// completing a multipart upload, and removing an image with its files.

import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import { objects } from '../../../data/objects.ts';
import { conflict, invalid, notFound, unavailable } from '../../../errors.ts';
import { INVISIBLE_OR_CONTROL } from '../../../safe-text.ts';
import { galleryOfStudio, getImage, type ImageRecord, newImageRecord } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { UPLOAD_CONTENT_TYPES } from '../constants.ts';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  deleteImageDeletion,
  deleteObjects,
  getImageDeletion,
  getImageMarks,
  type ImageDeletion,
  markImageProcessing,
  objectExists,
  presignPart,
  presignPut,
  putImages,
  removeImageWrite,
} from '../data.ts';

/** Files up to this size go up in one PUT; larger ones in parallel parts. */
export const SINGLE_PUT_LIMIT = 16 * 1024 * 1024;
const MIN_PART_SIZE = 8 * 1024 * 1024;
const UPLOAD_URL_TTL = 3600;

/**
 * A file name safe to show, store and put in a Content-Disposition: no paths, no control characters,
 * no invisible formatting (a bidi override shows "holiday\u202Egpj.exe" as "holidayexe.jpg").
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? 'image';
  const cleaned = base.replace(INVISIBLE_OR_CONTROL, '').replace(/"/g, '').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : 'image';
}

type UploadFile = { fileName: string; contentType: (typeof UPLOAD_CONTENT_TYPES)[number]; size: number };

export async function startUploads(studio: Studio, galleryId: string, files: UploadFile[]) {
  const gallery = await galleryOfStudio(studio, galleryId);
  if (gallery.status === 'archived') throw conflict('gallery_archived', 'This gallery is archived. Restore it before adding images.');
  const now = Date.now();
  // S3 first: a multipart upload that is never used is harmless (the bucket's lifecycle rule
  // aborts it), and its id belongs in the image record.
  const planned = await Promise.all(
    files.map(async (file, index) => {
      const imageId = randomUUID();
      const key = objects.original(studio.studioId, galleryId, imageId);
      const image = newImageRecord({
        imageId,
        galleryId,
        studioId: studio.studioId,
        fileName: cleanFileName(file.fileName),
        contentType: file.contentType,
        size: file.size,
        originalKey: key,
        position: now + index,
      });
      if (file.size <= SINGLE_PUT_LIMIT) return { file, image, uploadId: null };
      const uploadId = await createMultipartUpload(key, file.contentType);
      return { file, image: { ...image, multipartUploadId: uploadId } as ImageRecord, uploadId };
    }),
  );
  // Then the whole batch's records, all or none.
  await putImages(planned.map(({ image }) => image));
  return Promise.all(
    planned.map(async ({ file, image, uploadId }) => {
      const { imageId, originalKey: key } = image;
      if (uploadId === null) {
        const url = await presignPut(key, file.contentType, file.size, UPLOAD_URL_TTL);
        return { imageId, put: { url, headers: { 'content-type': file.contentType } }, multipart: null };
      }
      const partSize = Math.max(MIN_PART_SIZE, Math.ceil(file.size / 10_000));
      const count = Math.ceil(file.size / partSize);
      const parts = await Promise.all(
        Array.from({ length: count }, async (_, i) => ({
          partNumber: i + 1,
          url: await presignPart(key, uploadId, i + 1, UPLOAD_URL_TTL),
        })),
      );
      return { imageId, put: null, multipart: { uploadId, partSize, parts } };
    }),
  );
}

export async function completeUpload(
  studio: Studio,
  galleryId: string,
  imageId: string,
  input: { uploadId?: string; parts?: Array<{ partNumber: number; etag: string }> },
) {
  await galleryOfStudio(studio, galleryId);
  const image = await getImage(galleryId, imageId);
  if (!image || image.studioId !== studio.studioId) throw notFound('No such upload.');
  const uploadId = (image as ImageRecord & { multipartUploadId?: string }).multipartUploadId;
  if (image.status === 'uploading') {
    if (uploadId) {
      if (!input.parts?.length || input.uploadId !== uploadId)
        throw invalid('invalid_request', 'This upload needs its uploadId and parts.', {
          parts: ['are required for a multipart upload'],
        });
      const refused = await completeMultipartUpload(image.originalKey, uploadId, input.parts);
      if (refused !== null) throw invalid('upload_incomplete', `The upload could not be completed: ${refused}`);
    } else if (!(await objectExists(image.originalKey))) {
      throw invalid('upload_incomplete', 'The file has not arrived yet.');
    }
    // False when the pipeline got there first: the image is already processed.
    await markImageProcessing(galleryId, imageId);
  }
  const latest = (await getImage(galleryId, imageId)) as ImageRecord;
  return {
    imageId,
    fileName: latest.fileName,
    status: latest.status,
    failureReason: latest.failureReason,
    width: latest.width,
    height: latest.height,
    takenAt: latest.takenAt,
    thumbUrl: latest.derived?.thumb?.webp ? await presignGet(latest.derived.thumb.webp) : null,
    placeholder: latest.placeholder,
    selected: false,
    favourite: false,
    comments: 0,
  };
}

/**
 * Removes an image: its record, the client's marks on it and the gallery's count in one
 * transaction, which also writes a note of the files to delete; then the files; then the note.
 * S3 cannot join a DynamoDB transaction, so the note is what makes a failure between the two
 * recoverable: a retry finds the image gone but its note still there, and finishes the job,
 * instead of answering 404 and leaving the files behind for good.
 */
export async function deleteImage(studio: Studio, galleryId: string, imageId: string): Promise<void> {
  const gallery = await galleryOfStudio(studio, galleryId);
  const image = await getImage(galleryId, imageId);
  if (!image) {
    const pending = await getImageDeletion(galleryId, imageId);
    if (!pending) throw notFound('No such image.');
    await removeImageObjects(galleryId, imageId, pending);
    return;
  }
  const wasReady = image.status === 'ready';
  const { picked, favourite, confirmedAt } = await getImageMarks(galleryId, gallery.clientId, imageId);
  if (picked && confirmedAt) throw conflict('image_in_confirmed_set', "This image is in the client's confirmed set and cannot be removed.");
  const uploadId = (image as ImageRecord & { multipartUploadId?: string }).multipartUploadId;
  const derived = Object.values(image.derived ?? {}).flatMap((formats) => Object.values(formats ?? {}));
  const deletion: ImageDeletion = {
    objectKeys: [image.originalKey, ...derived],
    multipartUploadId: uploadId && image.status === 'uploading' ? uploadId : null,
  };
  const outcome = await removeImageWrite({
    studioId: studio.studioId,
    galleryId,
    clientId: gallery.clientId,
    imageId,
    deletion,
    wasReady,
    picked,
    favourite,
  });
  if (outcome === 'gone') throw notFound('No such image.');
  if (outcome === 'confirmed')
    throw conflict('image_in_confirmed_set', "This image is in the client's confirmed set and cannot be removed.");
  await removeImageObjects(galleryId, imageId, deletion);
}

async function removeImageObjects(galleryId: string, imageId: string, deletion: ImageDeletion): Promise<void> {
  const [originalKey] = deletion.objectKeys;
  if (deletion.multipartUploadId && originalKey) {
    // Best effort: the bucket's lifecycle rule aborts a forgotten multipart upload anyway.
    await abortMultipartUpload(originalKey, deletion.multipartUploadId).catch(() => undefined);
  }
  // DeleteObjects answers 200 even when some keys failed: those must be retried, so the note stays.
  if (!(await deleteObjects(deletion.objectKeys))) throw unavailable();
  await deleteImageDeletion(galleryId, imageId);
}
