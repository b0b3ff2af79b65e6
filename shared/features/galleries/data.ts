// The galleries feature's DynamoDB requests: galleries and projects under their studio, a client's
// galleries on GSI1, image records, and the gallery's view (its images and marks) read in one Query. Keys come only from
// records.ts; the domain calls these by the access they make and never sees a request.
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionFailed } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import { type Gallery, type GalleryContents, type ImageRecord, keys, PARTITION_ITEM, type ProcessedImage } from './records.ts';

// ---------------------------------------------------------------------------------------------
// Galleries and projects, under their studio.

export async function getGallery(studioId: string, galleryId: string): Promise<Gallery | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.gallery(studioId, galleryId) }));
  return out.Item ? (withoutKeys(out.Item) as Gallery) : null;
}

export async function putGallery(gallery: Gallery): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.gallery(gallery.studioId, gallery.galleryId),
        ...keys.galleryIndex(gallery.clientId, gallery.galleryId),
        type: 'gallery',
        ...gallery,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** A page of the galleries on a client's GSI1 partition, in key order, each with its studioId (the caller keeps its own studio's). */
export async function queryClientGalleries(clientId: string, page: PageRequest): Promise<Page<Gallery>> {
  const { GSI1PK, GSI1SKPrefix } = keys.clientGalleriesIndex(clientId);
  const { items, nextCursor } = await queryPage({ pk: GSI1PK, prefix: GSI1SKPrefix, index: 'GSI1' }, page);
  return { items: items.map((item) => withoutKeys(item) as Gallery), nextCursor };
}

/** A page of the studio's galleries, in key order. */
export async function queryStudioGalleries(studioId: string, page: PageRequest): Promise<Page<Gallery>> {
  const { PK, SKPrefix } = keys.studioGalleries(studioId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((item) => withoutKeys(item) as Gallery), nextCursor };
}

/**
 * Sets the given attributes of a gallery and returns it as it now is. Conditional on the gallery
 * existing, so a write never creates a gallery without its keys and index.
 */
export async function updateGalleryFields(studioId: string, galleryId: string, set: Record<string, unknown>): Promise<Gallery> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = Object.entries(set).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return `#f${i} = :v${i}`;
  });
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.gallery(studioId, galleryId),
      UpdateExpression: `SET ${parts.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return withoutKeys(out.Attributes ?? {}) as Gallery;
}

/** Each gallery's selection state (count, confirmation) for its client, in batches of 100 keys. */
export async function batchGetSelections(
  galleries: Gallery[],
): Promise<Map<string, { selectedCount: number; confirmedAt: string | null }>> {
  const found = new Map<string, { selectedCount: number; confirmedAt: string | null }>();
  for (let i = 0; i < galleries.length; i += 100) {
    let Keys: Record<string, unknown>[] | undefined = galleries.slice(i, i + 100).map((g) => keys.selection(g.galleryId, g.clientId));
    while (Keys?.length) {
      const out: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys } } }));
      for (const item of out.Responses?.[tableName()] ?? []) {
        found.set((item.PK as string).slice(keys.galleryPartition('').length), {
          selectedCount: item.count ?? 0,
          confirmedAt: item.confirmedAt ?? null,
        });
      }
      Keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Image records.

/**
 * The transaction item that takes one pick off a client's count, on condition the set is not
 * confirmed and the count is above zero: unselecting and removing a selected image both use it, so
 * the count can never drift from the picks.
 */
export const uncountPickWrite = (galleryId: string, clientId: string) => ({
  Update: {
    TableName: tableName(),
    Key: keys.selection(galleryId, clientId),
    UpdateExpression: 'SET #count = #count - :one',
    ConditionExpression: 'attribute_not_exists(confirmedAt) AND #count > :zero',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
  },
});

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

/**
 * The image ready with the pipeline's result and the gallery's count up by one, in one
 * transaction. Conditional on the image not being ready yet and both records existing: false
 * when a condition failed (a retried event, or the image or gallery is gone). A collision is
 * thrown, so the event is retried rather than the result dropped.
 */
export async function markImageReadyWrite(studioId: string, galleryId: string, imageId: string, result: ProcessedImage): Promise<boolean> {
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
              Key: keys.gallery(studioId, galleryId),
              UpdateExpression: 'ADD imageCount :one',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

/**
 * Conditional on the record existing, so a removed image is not written back: its failed
 * condition is thrown (ConditionalCheckFailedException), for the pipeline to tell "gone" apart.
 */
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

// ---------------------------------------------------------------------------------------------
// The gallery's view: one range of its partition.

/**
 * The images of a gallery and every client's marks on them, in one paginated, consistent Query of
 * the partition's view range (records.ts keys.galleryView): comments, activity, submissions, share
 * links and ZIP items sort outside it and are not read, however many there are. Comment counts come
 * with the images (commentCount). In the order the table returns them; the domain orders them.
 */
export async function queryGalleryView(galleryId: string): Promise<GalleryContents> {
  const contents: GalleryContents = { images: [], selections: new Map(), picks: new Set(), favourites: new Set(), requests: 0 };
  const { PK, SKFrom, SKTo } = keys.galleryView(galleryId);
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': PK, ':from': SKFrom, ':to': SKTo },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    contents.requests++;
    for (const item of page.Items ?? []) {
      const sk = item.SK as string;
      if (sk.startsWith(PARTITION_ITEM.image)) contents.images.push(withoutKeys(item) as ImageRecord);
      else if (sk.startsWith(PARTITION_ITEM.pick)) contents.picks.add(sk.slice(PARTITION_ITEM.pick.length));
      else if (sk.startsWith(PARTITION_ITEM.favourite)) contents.favourites.add(sk.slice(PARTITION_ITEM.favourite.length));
      else if (sk.startsWith(PARTITION_ITEM.selection)) {
        contents.selections.set(item.clientId as string, {
          clientId: item.clientId as string,
          count: (item.count as number) ?? 0,
          confirmedAt: (item.confirmedAt as string) ?? null,
          submissionId: (item.submissionId as string) ?? null,
        });
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return contents;
}
