// Images of a gallery: the record each upload creates, and what the image pipeline writes back.

import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../../data/db.ts';
import type { DerivedFormat, Variant } from '../../../data/objects.ts';
import { withoutKeys } from '../../../data/records.ts';
import { conditionFailed } from '../../../data/transactions.ts';
import { keys } from '../records.ts';
import type { ImageStatus } from '../schemas.ts';

export interface ImageRecord {
  imageId: string;
  galleryId: string;
  studioId: string;
  /** The name the studio uploaded it under (sanitised), shown to clients and used in downloads. */
  fileName: string;
  contentType: string;
  size: number;
  originalKey: string;
  status: ImageStatus;
  failureReason: string | null;
  /** Upload order; the grid sorts by capture time, then this. */
  position: number;
  uploadedAt: string;
  // Filled in by the pipeline:
  width: number | null;
  height: number | null;
  takenAt: string | null;
  camera: string | null;
  /** Keys of the derived files, by variant and format. */
  derived: Partial<Record<Variant, Partial<Record<DerivedFormat, string>>>> | null;
  /** A tiny placeholder (ThumbHash, base64) the grid shows while the thumbnail loads. */
  placeholder: string | null;
}

export async function getImage(galleryId: string, imageId: string): Promise<ImageRecord | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.image(galleryId, imageId), ConsistentRead: true }));
  return out.Item ? (withoutKeys(out.Item) as ImageRecord) : null;
}

/** A new image record as a conditional put, on its own or inside a transaction. */
export const imagePut = (image: ImageRecord) => ({
  TableName: tableName(),
  Item: { ...keys.image(image.galleryId, image.imageId), type: 'image', ...image },
  ConditionExpression: 'attribute_not_exists(PK)',
});

export async function putImage(image: ImageRecord): Promise<void> {
  await db().send(new PutCommand(imagePut(image)));
}

export interface ProcessedImage {
  width: number;
  height: number;
  takenAt: string | null;
  camera: string | null;
  derived: NonNullable<ImageRecord['derived']>;
  placeholder: string;
}

/**
 * The pipeline's result. The gallery's image count goes up in the same transaction, once: a
 * retried event finds the image ready already and changes nothing. An image deleted meanwhile
 * is left alone.
 */
export async function markImageReady(galleryId: string, imageId: string, result: ProcessedImage): Promise<void> {
  const image = await getImage(galleryId, imageId);
  if (!image || image.status === 'ready') return;
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.image(galleryId, imageId),
              UpdateExpression:
                'SET #status = :ready, width = :w, height = :h, takenAt = :t, camera = :c, derived = :d, placeholder = :p, failureReason = :null',
              ConditionExpression: 'attribute_exists(PK) AND #status <> :ready',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':ready': 'ready',
                ':w': result.width,
                ':h': result.height,
                ':t': result.takenAt,
                ':c': result.camera,
                ':d': result.derived,
                ':p': result.placeholder,
                ':null': null,
              },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: keys.gallery(image.studioId, galleryId),
              UpdateExpression: 'ADD imageCount :one',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
  } catch (e) {
    // Already ready (a retried event), or the image or gallery is gone: nothing to do. A collision
    // is thrown, so the event is retried rather than the result dropped.
    if (conditionFailed(e)) return;
    throw e;
  }
}

export async function markImageFailed(galleryId: string, imageId: string, reason: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.image(galleryId, imageId),
      UpdateExpression: 'SET #status = :failed, failureReason = :reason',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':failed': 'failed', ':reason': reason.slice(0, 300) },
    }),
  );
}

/** The record an upload starts with: everything the pipeline fills in is still empty. */
export function newImageRecord(input: {
  imageId: string;
  galleryId: string;
  studioId: string;
  fileName: string;
  contentType: string;
  size: number;
  originalKey: string;
  position: number;
  status?: ImageStatus;
}): ImageRecord {
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
