// Getting images into a gallery and out of it: upload tickets (presigned PUTs and multipart parts),
// completing a multipart upload, and removing an image with its files.

import { randomUUID } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { BatchGetCommand, DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { presignGet, s3 } from '../../../adapters/storage.ts';
import { config } from '../../../config.ts';
import { db, tableName } from '../../../data/db.ts';
import { objects } from '../../../data/objects.ts';
import { cancellationCodes, conditionFailed } from '../../../data/transactions.ts';
import { conflict, invalid, notFound, unavailable } from '../../../errors.ts';
import { galleryOfStudio, getImage, type ImageRecord, imagePut, keys, newImageRecord } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { UPLOAD_CONTENT_TYPES } from '../constants.ts';

/** Files up to this size go up in one PUT; larger ones in parallel parts. */
export const SINGLE_PUT_LIMIT = 16 * 1024 * 1024;
const MIN_PART_SIZE = 8 * 1024 * 1024;
const UPLOAD_URL_TTL = 3600;

/** A file name safe to show, store and put in a Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? 'image';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
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
      const created = await s3().send(
        new CreateMultipartUploadCommand({ Bucket: config.bucketName, Key: key, ContentType: file.contentType }),
      );
      const uploadId = created.UploadId as string;
      return { file, image: { ...image, multipartUploadId: uploadId } as ImageRecord, uploadId };
    }),
  );
  // Then the whole batch's records in one transaction (a batch holds at most 100 files, a
  // transaction 100 items): a failure leaves none of them, never half a batch to clean up.
  await db().send(new TransactWriteCommand({ TransactItems: planned.map(({ image }) => ({ Put: imagePut(image) })) }));
  return Promise.all(
    planned.map(async ({ file, image, uploadId }) => {
      const { imageId, originalKey: key } = image;
      if (uploadId === null) {
        const url = await getSignedUrl(
          s3(),
          new PutObjectCommand({ Bucket: config.bucketName, Key: key, ContentType: file.contentType, ContentLength: file.size }),
          { expiresIn: UPLOAD_URL_TTL },
        );
        return { imageId, put: { url, headers: { 'content-type': file.contentType } }, multipart: null };
      }
      const partSize = Math.max(MIN_PART_SIZE, Math.ceil(file.size / 10_000));
      const count = Math.ceil(file.size / partSize);
      const parts = await Promise.all(
        Array.from({ length: count }, async (_, i) => ({
          partNumber: i + 1,
          url: await getSignedUrl(
            s3(),
            new UploadPartCommand({ Bucket: config.bucketName, Key: key, UploadId: uploadId, PartNumber: i + 1 }),
            {
              expiresIn: UPLOAD_URL_TTL,
            },
          ),
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
      try {
        await s3().send(
          new CompleteMultipartUploadCommand({
            Bucket: config.bucketName,
            Key: image.originalKey,
            UploadId: uploadId,
            MultipartUpload: {
              Parts: [...input.parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
            },
          }),
        );
      } catch (e) {
        if (e instanceof Error && ['InvalidPart', 'InvalidPartOrder', 'NoSuchUpload', 'EntityTooSmall'].includes(e.name)) {
          throw invalid('upload_incomplete', `The upload could not be completed: ${e.message}`);
        }
        throw e;
      }
    } else {
      try {
        await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: image.originalKey }));
      } catch (e) {
        if (e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey'))
          throw invalid('upload_incomplete', 'The file has not arrived yet.');
        throw e;
      }
    }
    await db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.image(galleryId, imageId),
          UpdateExpression: 'SET #status = :processing',
          ConditionExpression: '#status = :uploading',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':processing': 'processing', ':uploading': 'uploading' },
        }),
      )
      .catch((e) => {
        // The pipeline got there first: the image is already processed.
        if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
      });
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
    const pending = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.imageDeletion(galleryId, imageId), ConsistentRead: true }),
    );
    if (!pending.Item) throw notFound('No such image.');
    await removeImageObjects(galleryId, imageId, pending.Item as ImageDeletion);
    return;
  }
  const wasReady = image.status === 'ready';
  // Only the client's marks on this one image matter: three keys, not the whole gallery.
  const marks = await db().send(
    new BatchGetCommand({
      RequestItems: {
        [tableName()]: {
          Keys: [
            keys.pick(galleryId, gallery.clientId, imageId),
            keys.favourite(galleryId, gallery.clientId, imageId),
            keys.selection(galleryId, gallery.clientId),
          ],
          ConsistentRead: true,
        },
      },
    }),
  );
  const found = new Map((marks.Responses?.[tableName()] ?? []).map((item) => [item.SK as string, item]));
  const picked = found.has(keys.pick(galleryId, gallery.clientId, imageId).SK);
  const favourite = found.has(keys.favourite(galleryId, gallery.clientId, imageId).SK);
  const selection = found.get(keys.selection(galleryId, gallery.clientId).SK);
  if (picked && selection?.confirmedAt)
    throw conflict('image_in_confirmed_set', "This image is in the client's confirmed set and cannot be removed.");
  const uploadId = (image as ImageRecord & { multipartUploadId?: string }).multipartUploadId;
  const derived = Object.values(image.derived ?? {}).flatMap((formats) => Object.values(formats ?? {}));
  const deletion: ImageDeletion = {
    objectKeys: [image.originalKey, ...derived],
    multipartUploadId: uploadId && image.status === 'uploading' ? uploadId : null,
  };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName(), Key: keys.image(galleryId, imageId), ConditionExpression: 'attribute_exists(PK)' } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.imageDeletion(galleryId, imageId), type: 'imageDeletion', imageId, ...deletion },
            },
          },
          ...(wasReady
            ? [
                {
                  Update: {
                    TableName: tableName(),
                    Key: keys.gallery(studio.studioId, galleryId),
                    UpdateExpression: 'ADD imageCount :minus',
                    ExpressionAttributeValues: { ':minus': -1 },
                  },
                },
              ]
            : []),
          // A selected image leaves the client's selection with it, so the count stays true.
          ...(picked
            ? [
                { Delete: { TableName: tableName(), Key: keys.pick(galleryId, gallery.clientId, imageId) } },
                {
                  Update: {
                    TableName: tableName(),
                    Key: keys.selection(galleryId, gallery.clientId),
                    UpdateExpression: 'SET #count = #count - :one',
                    ConditionExpression: 'attribute_not_exists(confirmedAt) AND #count > :zero',
                    ExpressionAttributeNames: { '#count': 'count' },
                    ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                  },
                },
              ]
            : []),
          ...(favourite ? [{ Delete: { TableName: tableName(), Key: keys.favourite(galleryId, gallery.clientId, imageId) } }] : []),
        ],
      }),
    );
  } catch (e) {
    if (!conditionFailed(e)) throw e;
    // Something changed since the reads above: a concurrent removal, or the client confirmed.
    if (cancellationCodes(e)?.[0] === 'ConditionalCheckFailed') throw notFound('No such image.');
    throw conflict('image_in_confirmed_set', "This image is in the client's confirmed set and cannot be removed.");
  }
  await removeImageObjects(galleryId, imageId, deletion);
}

/** What a removal still has to delete from the bucket (kept until it is done). */
interface ImageDeletion {
  objectKeys: string[];
  multipartUploadId: string | null;
}

async function removeImageObjects(galleryId: string, imageId: string, deletion: ImageDeletion): Promise<void> {
  const [originalKey] = deletion.objectKeys;
  if (deletion.multipartUploadId && originalKey) {
    await s3()
      .send(new AbortMultipartUploadCommand({ Bucket: config.bucketName, Key: originalKey, UploadId: deletion.multipartUploadId }))
      .catch(() => undefined);
  }
  const out = await s3().send(
    new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: deletion.objectKeys.map((Key) => ({ Key })) } }),
  );
  // DeleteObjects answers 200 even when some keys failed: those must be retried, so the note stays.
  if (out.Errors?.length) throw unavailable();
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.imageDeletion(galleryId, imageId) }));
}
