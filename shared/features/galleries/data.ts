// The galleries feature's DynamoDB requests: galleries and projects under their studio, a client's
// galleries on GSI1, image records, and the gallery partition read whole. Keys come only from
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
import { db, queryPrefix, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionFailed } from '../../data/transactions.ts';
import {
  type ActivityRecord,
  type Gallery,
  type GalleryContents,
  type ImageRecord,
  keys,
  PARTITION_ITEM,
  type ProcessedImage,
  type Project,
  type ShareLinkRecord,
  type SubmissionRecord,
} from './records.ts';

// ---------------------------------------------------------------------------------------------
// Galleries and projects, under their studio.

export async function getGallery(studioId: string, galleryId: string): Promise<Gallery | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.gallery(studioId, galleryId) }));
  return out.Item ? (withoutKeys(out.Item) as Gallery) : null;
}

/** Conditional: a project id is never written over. */
export async function putProject(project: Project): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.project(project.studioId, project.projectId),
        ...keys.projectIndex(project.clientId, project.projectId),
        type: 'project',
        ...project,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Conditional: a gallery id (the seeds choose theirs) is never written over. */
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

/**
 * Every gallery and project on a client's GSI1 partition, one paginated query for both record
 * types, each with its studioId (the caller keeps its own studio's).
 */
export async function queryClientIndex(clientId: string): Promise<{ galleries: Gallery[]; projects: Project[] }> {
  const galleries: Gallery[] = [];
  const projects: Project[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.clientGalleriesIndex(clientId).GSI1PK },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.type === 'gallery') galleries.push(withoutKeys(item) as Gallery);
      else if (item.type === 'project') projects.push(withoutKeys(item) as Project);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { galleries, projects };
}

export async function queryStudioGalleries(studioId: string): Promise<Gallery[]> {
  const { PK, SKPrefix } = keys.studioGalleries(studioId);
  return (await queryPrefix(PK, SKPrefix)).map((item) => withoutKeys(item) as Gallery);
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
// The gallery partition, whole.

/**
 * Every item of a gallery's partition, sorted by record type, in one paginated, consistent Query:
 * the images and every client's marks on them. In the order the table returns them; the domain
 * orders them for display.
 */
export async function queryGalleryPartition(galleryId: string): Promise<GalleryContents> {
  const contents: GalleryContents = {
    images: [],
    selections: new Map(),
    picks: new Set(),
    favourites: new Set(),
    commentCounts: new Map(),
    submissions: [],
    activity: [],
    shareLinks: [],
    requests: 0,
  };
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.galleryPartition(galleryId) },
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
      else if (sk.startsWith(PARTITION_ITEM.comment)) {
        const imageId = sk.split('#')[1] as string;
        contents.commentCounts.set(imageId, (contents.commentCounts.get(imageId) ?? 0) + 1);
      } else if (sk.startsWith(PARTITION_ITEM.selection)) {
        contents.selections.set(item.clientId as string, {
          clientId: item.clientId as string,
          count: (item.count as number) ?? 0,
          confirmedAt: (item.confirmedAt as string) ?? null,
          submissionId: (item.submissionId as string) ?? null,
        });
      } else if (sk.startsWith(PARTITION_ITEM.submission)) contents.submissions.push(withoutKeys(item) as SubmissionRecord);
      else if (sk.startsWith(PARTITION_ITEM.activity)) contents.activity.push(withoutKeys(item) as ActivityRecord);
      else if (sk.startsWith(PARTITION_ITEM.shareLink)) contents.shareLinks.push(withoutKeys(item) as ShareLinkRecord);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return contents;
}
