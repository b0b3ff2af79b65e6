// The uploads feature's requests: S3 (upload tickets, multipart uploads, originals and derived
// files) and the DynamoDB writes that start, complete and remove an image. Image records and the
// gallery partition's keys belong to galleries and come from its index.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { BatchGetCommand, DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, tableName } from '../../data/db.ts';
import { cancellationCodes, conditionalCheckFailed, conditionFailed } from '../../data/transactions.ts';
import { type ImageRecord, imagePut, keys, uncountPickWrite } from '../galleries/index.ts';

// ---------------------------------------------------------------------------------------------
// Upload tickets and multipart uploads (S3).

/** Starts a multipart upload of an original; its id. */
export async function createMultipartUpload(key: string, contentType: string): Promise<string> {
  const created = await s3().send(new CreateMultipartUploadCommand({ Bucket: config.bucketName, Key: key, ContentType: contentType }));
  return created.UploadId as string;
}

/**
 * A presigned PUT of a whole file, held to its type and size: both are signed headers, so S3
 * refuses any other Content-Type or Content-Length (the presigner leaves Content-Type unsigned
 * unless told to).
 */
export async function presignPut(key: string, contentType: string, size: number, expiresIn: number): Promise<string> {
  return getSignedUrl(s3(), new PutObjectCommand({ Bucket: config.bucketName, Key: key, ContentType: contentType, ContentLength: size }), {
    expiresIn,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
}

/** A presigned PUT of one part of a multipart upload, held to its length (a signed header). */
export async function presignPart(key: string, uploadId: string, partNumber: number, size: number, expiresIn: number): Promise<string> {
  return getSignedUrl(
    s3(),
    new UploadPartCommand({ Bucket: config.bucketName, Key: key, UploadId: uploadId, PartNumber: partNumber, ContentLength: size }),
    { expiresIn, signableHeaders: new Set(['content-length']) },
  );
}

/** S3's refusals of a part list the browser sent: the studio's upload to fix, not a fault of ours. */
const REFUSED_PARTS = ['InvalidPart', 'InvalidPartOrder', 'NoSuchUpload', 'EntityTooSmall'];

/**
 * Completes a multipart upload from its parts (in any order: S3 wants them ascending). Null once
 * done; S3's message when it refused the parts.
 */
export async function completeMultipartUpload(
  key: string,
  uploadId: string,
  parts: Array<{ partNumber: number; etag: string }>,
): Promise<string | null> {
  try {
    await s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: config.bucketName,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: {
          Parts: [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
        },
      }),
    );
    return null;
  } catch (e) {
    if (e instanceof Error && REFUSED_PARTS.includes(e.name)) return e.message;
    throw e;
  }
}

/** Aborts a multipart upload, so its parts stop being stored. */
export async function abortMultipartUpload(key: string, uploadId: string): Promise<void> {
  await s3().send(new AbortMultipartUploadCommand({ Bucket: config.bucketName, Key: key, UploadId: uploadId }));
}

// ---------------------------------------------------------------------------------------------
// Objects (S3).

/** What the bucket holds under the key (a HEAD, no bytes read), or null when nothing. */
export async function storedObject(key: string): Promise<{ size: number; contentType: string | null } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
  } catch (e) {
    if (e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey')) return null;
    throw e;
  }
}

/** An object's bytes, or null when it is not there (or empty). */
export async function readObject(key: string): Promise<Buffer | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    if (!out.Body) return null;
    const bytes = await out.Body.transformToByteArray();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

export async function putDerivedFile(key: string, body: Buffer, contentType: string, cacheControl: string): Promise<void> {
  await s3().send(
    new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: body, ContentType: contentType, CacheControl: cacheControl }),
  );
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config.bucketName, Key: key }));
}

/** Deletes the objects in one request; false when S3 failed some of them (it still answers 200 then). */
export async function deleteObjects(objectKeys: string[]): Promise<boolean> {
  const out = await s3().send(
    new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: objectKeys.map((Key) => ({ Key })) } }),
  );
  return !out.Errors?.length;
}

// ---------------------------------------------------------------------------------------------
// Image records (DynamoDB).

/**
 * A batch's image records in one transaction (a batch holds at most 100 files, a transaction 100
 * items): a failure leaves none of them, never half a batch to clean up.
 */
export async function putImages(images: ImageRecord[]): Promise<void> {
  await db().send(new TransactWriteCommand({ TransactItems: images.map((image) => ({ Put: imagePut(image) })) }));
}

/**
 * An uploaded image handed to processing; it no longer expires (an uploading record has a ttl).
 * Conditional on it still uploading: false when another caller (the pipeline, the completion) got
 * there first.
 */
export async function markImageProcessing(galleryId: string, imageId: string): Promise<boolean> {
  return db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.image(galleryId, imageId),
        UpdateExpression: 'SET #status = :processing REMOVE #ttl',
        ConditionExpression: '#status = :uploading',
        ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':processing': 'processing', ':uploading': 'uploading' },
      }),
    )
    .then(
      () => true,
      (e) => {
        if (!conditionalCheckFailed(e)) throw e;
        return false;
      },
    );
}

/**
 * Runs a conditional update of an image record; false when the record no longer exists (its
 * condition failed), so the pipeline can tell a removed image from a failure.
 */
export async function ifStillThere(update: () => Promise<void>): Promise<boolean> {
  try {
    await update();
    return true;
  } catch (error) {
    if (conditionalCheckFailed(error)) return false;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Removing an image (DynamoDB).

/** What a removal still has to delete from the bucket (kept until it is done). */
export interface ImageDeletion {
  objectKeys: string[];
  multipartUploadId: string | null;
}

/** The note of a removal whose files may not all be gone yet, or null. */
export async function getImageDeletion(galleryId: string, imageId: string): Promise<ImageDeletion | null> {
  const pending = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.imageDeletion(galleryId, imageId), ConsistentRead: true }),
  );
  return pending.Item ? (pending.Item as ImageDeletion) : null;
}

export async function deleteImageDeletion(galleryId: string, imageId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.imageDeletion(galleryId, imageId) }));
}

/** The client's marks on one image: three keys read, not the whole gallery. */
export async function getImageMarks(
  galleryId: string,
  clientId: string,
  imageId: string,
): Promise<{ picked: boolean; favourite: boolean; confirmedAt: string | null }> {
  const marks = await db().send(
    new BatchGetCommand({
      RequestItems: {
        [tableName()]: {
          Keys: [
            keys.pick(galleryId, clientId, imageId),
            keys.favourite(galleryId, clientId, imageId),
            keys.selection(galleryId, clientId),
          ],
          ConsistentRead: true,
        },
      },
    }),
  );
  const found = new Map((marks.Responses?.[tableName()] ?? []).map((item) => [item.SK as string, item]));
  return {
    picked: found.has(keys.pick(galleryId, clientId, imageId).SK),
    favourite: found.has(keys.favourite(galleryId, clientId, imageId).SK),
    confirmedAt: found.get(keys.selection(galleryId, clientId).SK)?.confirmedAt ?? null,
  };
}

/**
 * One transaction deletes the image record and the client's marks on it, counts it out of the
 * gallery (when it was counted: ready) and out of the selection, and writes the note of the files
 * to delete. Conditional on the image still being there ('gone' when not) and, for a picked
 * image, on the selection being unconfirmed ('confirmed' when the client confirmed meanwhile).
 */
export async function removeImageWrite(input: {
  studioId: string;
  galleryId: string;
  clientId: string;
  imageId: string;
  deletion: ImageDeletion;
  wasReady: boolean;
  picked: boolean;
  favourite: boolean;
}): Promise<'removed' | 'gone' | 'confirmed'> {
  const { studioId, galleryId, clientId, imageId, deletion, wasReady, picked, favourite } = input;
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
                    Key: keys.gallery(studioId, galleryId),
                    UpdateExpression: 'ADD imageCount :minus',
                    ExpressionAttributeValues: { ':minus': -1 },
                  },
                },
              ]
            : []),
          // A selected image leaves the client's selection with it, so the count stays true.
          ...(picked
            ? [{ Delete: { TableName: tableName(), Key: keys.pick(galleryId, clientId, imageId) } }, uncountPickWrite(galleryId, clientId)]
            : []),
          ...(favourite ? [{ Delete: { TableName: tableName(), Key: keys.favourite(galleryId, clientId, imageId) } }] : []),
        ],
      }),
    );
    return 'removed';
  } catch (e) {
    if (!conditionFailed(e)) throw e;
    // Something changed since the reads: a concurrent removal (the first item's condition), or the client confirmed.
    return cancellationCodes(e)?.[0] === 'ConditionalCheckFailed' ? 'gone' : 'confirmed';
  }
}
