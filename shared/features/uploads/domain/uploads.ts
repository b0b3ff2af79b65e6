// Getting images into a gallery and out of it: upload tickets (presigned PUTs and multipart parts),
// completing a multipart upload, and removing an image with its files.

import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import { limits } from '../../../config.ts';
import { objects } from '../../../data/objects.ts';
import { consume, giveBack, hold, type Limit } from '../../../data/rate-limit.ts';
import { conflict, invalid, notFound, unavailable } from '../../../errors.ts';
import { INVISIBLE_OR_CONTROL } from '../../../safe-text.ts';
import { galleryOfStudio, getImage, type ImageRecord, markImageFailed, newImageRecord } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { UPLOAD_CONTENT_TYPES } from '../constants.ts';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  deleteImageDeletion,
  deleteObject,
  deleteObjects,
  getImageDeletion,
  getImageMarks,
  type ImageDeletion,
  ifStillThere,
  markImageProcessing,
  presignPart,
  presignPut,
  putImages,
  removeImageWrite,
  storedObject,
} from '../data.ts';
import { partLengths, ticketMismatch } from './rules.ts';

/** Files up to this size go up in one PUT; larger ones in parallel parts. */
export const SINGLE_PUT_LIMIT = 16 * 1024 * 1024;
const MIN_PART_SIZE = 8 * 1024 * 1024;
const UPLOAD_URL_TTL = 3600;
/**
 * An image still uploading this long after its ticket is stale (its URLs expired 23 hours ago):
 * its record expires (ttl) and it stops counting as waiting.
 */
export const UPLOADING_TTL_SECONDS = 86_400;

/** Images a studio may have waiting in uploading: ticketed, not yet handed to processing. */
export const waitingLimit = (): Limit => ({
  bucket: 'uploads-waiting',
  max: limits.uploadsWaiting,
  windowSeconds: UPLOADING_TTL_SECONDS,
  message: 'Too many uploads are waiting to finish. Let them finish (or remove them), then add more.',
});
/** A waiting place frees up whenever an upload finishes: retry soon. */
const WAITING_RETRY_SECONDS = 60;
/** Bytes a studio may ask tickets for per hour. */
export const bytesLimit = (): Limit => ({
  bucket: 'upload-bytes',
  max: limits.uploadBytesPerHour,
  windowSeconds: 3600,
  message: 'This studio has uploaded as much as it may this hour. Please try again later.',
});

/** An image record while it uploads: its multipart upload, and the waiting window it holds a place in. */
type UploadingImage = ImageRecord & { multipartUploadId?: string; waitingWindow?: number };

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
  // The caps first, before anything is created: the bytes asked for this hour, then the places waiting.
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const bytesWindow = await consume(bytesLimit(), studio.studioId, now, bytes);
  let waitingWindow: number;
  try {
    waitingWindow = await hold(waitingLimit(), studio.studioId, files.length, WAITING_RETRY_SECONDS, now);
  } catch (e) {
    await giveBack(bytesLimit(), studio.studioId, bytesWindow, bytes);
    throw e;
  }
  try {
    return await issueTickets(studio, galleryId, files, now, waitingWindow);
  } catch (e) {
    // Nothing was issued (the records are written all or none): the places and bytes go back.
    await Promise.all([
      giveBack(waitingLimit(), studio.studioId, waitingWindow, files.length),
      giveBack(bytesLimit(), studio.studioId, bytesWindow, bytes),
    ]).catch(() => undefined);
    throw e;
  }
}

async function issueTickets(studio: Studio, galleryId: string, files: UploadFile[], now: number, waitingWindow: number) {
  const ttl = Math.floor(now / 1000) + UPLOADING_TTL_SECONDS;
  // S3 first: a multipart upload that is never used is harmless (the bucket's lifecycle rule
  // aborts it), and its id belongs in the image record.
  const planned = await Promise.all(
    files.map(async (file, index) => {
      const imageId = randomUUID();
      const key = objects.original(studio.studioId, galleryId, imageId);
      const record = newImageRecord({
        imageId,
        galleryId,
        studioId: studio.studioId,
        fileName: cleanFileName(file.fileName),
        contentType: file.contentType,
        size: file.size,
        originalKey: key,
        position: now + index,
      });
      const image: UploadingImage = { ...record, ttl, waitingWindow };
      if (file.size <= SINGLE_PUT_LIMIT) return { file, image, uploadId: null };
      const uploadId = await createMultipartUpload(key, file.contentType);
      return { file, image: { ...image, multipartUploadId: uploadId }, uploadId };
    }),
  );
  // Then the whole batch's records, all or none.
  await putImages(planned.map(({ image }) => image));
  return Promise.all(
    planned.map(async ({ file, image, uploadId }) => ({
      imageId: image.imageId,
      ...(await ticketFor(image.originalKey, file.contentType, file.size, uploadId)),
    })),
  );
}

/** The URLs of one upload: a presigned PUT, or (with a multipart upload's id) its parts' presigned URLs. */
async function ticketFor(key: string, contentType: string, size: number, uploadId: string | null): Promise<ObjectTicket> {
  if (uploadId === null) {
    const url = await presignPut(key, contentType, size, UPLOAD_URL_TTL);
    // The browser sends Content-Length itself (the file's size); Content-Type must be this one.
    return { put: { url, headers: { 'content-type': contentType } }, multipart: null };
  }
  const partSize = Math.max(MIN_PART_SIZE, Math.ceil(size / 10_000));
  // Each URL takes exactly its part: partSize bytes, the last one the rest.
  const parts = await Promise.all(
    partLengths(size, partSize).map(async (part) => ({
      partNumber: part.partNumber,
      url: await presignPart(key, uploadId, part.partNumber, part.size, UPLOAD_URL_TTL),
    })),
  );
  return { put: null, multipart: { uploadId, partSize, parts } };
}

/** What the browser's uploader needs for one file (the site's uploader sends either). */
export interface ObjectTicket {
  put: { url: string; headers: Record<string, string> } | null;
  multipart: { uploadId: string; partSize: number; parts: { partNumber: number; url: string }[] } | null;
}

/**
 * An upload ticket for any object of the bucket (deliverables, shared files): the same single PUT
 * (bound to its type and exact size) or multipart parts the gallery uploads use. Large files get a
 * multipart upload; keep its id (`multipart.uploadId`) to complete it with `finishObjectUpload`.
 */
export async function objectTicket(key: string, contentType: string, size: number): Promise<ObjectTicket> {
  const uploadId = size <= SINGLE_PUT_LIMIT ? null : await createMultipartUpload(key, contentType);
  return ticketFor(key, contentType, size, uploadId);
}

/**
 * Completes a multipart upload of `objectTicket` and says what is stored: the object's size and
 * type, or the reason it could not be completed.
 */
export async function finishObjectUpload(
  key: string,
  uploadId: string | null,
  parts: Array<{ partNumber: number; etag: string }> | undefined,
): Promise<{ stored: { size: number; contentType: string | null } | null; refused: string | null }> {
  if (uploadId) {
    if (!parts?.length) return { stored: null, refused: 'this upload needs its parts' };
    const refused = await completeMultipartUpload(key, uploadId, parts);
    if (refused !== null) return { stored: null, refused };
  }
  return { stored: await storedObject(key), refused: null };
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
  const uploadId = (image as UploadingImage).multipartUploadId;
  if (image.status === 'uploading') {
    if (uploadId) {
      if (!input.parts?.length || input.uploadId !== uploadId)
        throw invalid('invalid_request', 'This upload needs its uploadId and parts.', {
          parts: ['are required for a multipart upload'],
        });
      const refused = await completeMultipartUpload(image.originalKey, uploadId, input.parts);
      if (refused !== null) throw invalid('upload_incomplete', `The upload could not be completed: ${refused}`);
    }
    const stored = await storedObject(image.originalKey);
    // Gone after a completed multipart upload: the pipeline already refused it.
    if (!stored && !uploadId) throw invalid('upload_incomplete', 'The file has not arrived yet.');
    if (stored) await holdToTicket(image, stored);
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
 * An uploaded image handed to processing (false when another caller got there first): it stops
 * expiring, and its place among the studio's waiting uploads is free again. Every way out of
 * uploading but removal goes through here, so the waiting count only counts what still waits.
 */
export async function beginProcessing(image: ImageRecord): Promise<boolean> {
  const moved = await markImageProcessing(image.galleryId, image.imageId);
  const { waitingWindow } = image as UploadingImage;
  if (moved && waitingWindow !== undefined) await giveBack(waitingLimit(), image.studioId, waitingWindow);
  return moved;
}

/**
 * Holds the stored original to its ticket (size and type): when it differs, the object is deleted
 * and the image failed with the reason, before any byte is read. The image leaves uploading either
 * way. The failure reason, or null when the object is what the ticket said.
 */
export async function holdToTicket(
  image: ImageRecord,
  stored: { size: number; contentType: string | null } | null = null,
): Promise<string | null> {
  const found = stored ?? (await storedObject(image.originalKey));
  if (image.status === 'uploading') await beginProcessing(image);
  if (!found) return null;
  const reason = ticketMismatch(image, found);
  if (reason === null) return null;
  // Failed first, then deleted: whoever sees the object gone finds the reason already there.
  await ifStillThere(() => markImageFailed(image.galleryId, image.imageId, reason));
  await deleteObject(image.originalKey);
  return reason;
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
  const { multipartUploadId: uploadId, waitingWindow } = image as UploadingImage;
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
  // A removed upload no longer waits.
  if (image.status === 'uploading' && waitingWindow !== undefined) await giveBack(waitingLimit(), studio.studioId, waitingWindow);
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
