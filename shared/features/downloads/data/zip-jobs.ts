// A ZIP job's record in the table (keyed through galleries' key builders) and the manifest that
// starts its worker: the requests of the routes and of the worker alike. The worker's own reads
// and writes in the bucket are in zip-files.ts, so the routes' bundles do not carry lib-storage.

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../../adapters/storage.ts';
import { config } from '../../../config.ts';
import { db, tableName } from '../../../data/db.ts';
import { objects } from '../../../data/objects.ts';
import { withoutKeys } from '../../../data/records.ts';
import { conditionalCheckFailed } from '../../../data/transactions.ts';
import { keys } from '../../galleries/index.ts';
import type { ZipJob, ZipManifest } from '../records.ts';

/** Conditional on a new key: a job id is never reused, so no job overwrites another. */
export async function putZipJob(job: ZipJob, ttl: number): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.zipJob(job.galleryId, job.jobId), type: 'zipJob', ttl, ...job },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Its object-created event is what starts the worker. */
export async function putZipManifest(manifest: ZipManifest): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: config.bucketName,
      Key: objects.zipJob(manifest.jobId),
      Body: JSON.stringify(manifest),
      ContentType: 'application/json',
    }),
  );
}

/**
 * Sets `fields` on the job and returns it as it is now. With a runId, on condition that run still
 * owns the job (a worker taken over must not overwrite its successor's result); without, on
 * condition the job exists. Null when the condition failed.
 */
export async function updateZipJob(
  galleryId: string,
  jobId: string,
  runId: string | null,
  fields: Record<string, unknown>,
): Promise<ZipJob | null> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return `#f${i} = :v${i}`;
  });
  if (runId) values[':run'] = runId;
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.zipJob(galleryId, jobId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: runId ? 'runId = :run' : 'attribute_exists(PK)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toJob(out.Attributes ?? {});
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}

/** The job, read consistently (the client polls it); null if unknown or expired. */
export async function getZipJobRecord(galleryId: string, jobId: string, now: Date): Promise<ZipJob | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.zipJob(galleryId, jobId), ConsistentRead: true }));
  const item = out.Item;
  // TTL deletion lags by up to a couple of days; expired is gone.
  if (!item || (typeof item.ttl === 'number' && item.ttl * 1000 <= now.getTime())) return null;
  return toJob(item);
}

/**
 * Moves the job to running under `runId`, on condition it is queued, or running but its record has
 * not moved since `staleBefore` (its worker died): S3 delivers an event more than once, and only one
 * worker may build the ZIP. False when the condition failed (taken, or finished).
 */
export async function claimZipJob(galleryId: string, jobId: string, runId: string, now: Date, staleBefore: Date): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.zipJob(galleryId, jobId),
        UpdateExpression: 'SET #status = :running, runId = :run, startedAt = :now, updatedAt = :now, filesDone = :zero, bytesDone = :zero',
        ConditionExpression: 'attribute_exists(PK) AND (#status = :queued OR (#status = :running AND updatedAt < :stale))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':running': 'running',
          ':queued': 'queued',
          ':run': runId,
          ':now': now.toISOString(),
          ':zero': 0,
          ':stale': staleBefore.toISOString(),
        },
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

/** Writes the worker's progress, on condition its run still owns the job and it is still running. */
export async function saveZipProgress(
  galleryId: string,
  jobId: string,
  runId: string,
  filesDone: number,
  bytesDone: number,
): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.zipJob(galleryId, jobId),
      UpdateExpression: 'SET filesDone = :files, bytesDone = :bytes, updatedAt = :now',
      ConditionExpression: 'runId = :run AND #status = :running',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':files': filesDone,
        ':bytes': bytesDone,
        ':now': new Date().toISOString(),
        ':run': runId,
        ':running': 'running',
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// A client's ZIPs of a gallery: the slots that cap the live ones, and the job built for each set.

export interface ZipSlot {
  slot: number;
  jobId: string;
  /** When the slot was taken: its job record follows within a request's time. */
  takenAt: string;
}

/** The client's taken slots of this gallery, read consistently. */
export async function getZipSlots(galleryId: string, clientId: string): Promise<ZipSlot[]> {
  const { PK, SKPrefix } = keys.zipSlotsOf(galleryId, clientId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => ({ slot: i.slot as number, jobId: i.jobId as string, takenAt: i.takenAt as string }));
}

/**
 * Takes `slot` for `jobId`, on condition it is as it was read: free (`held` null) or still held by
 * the finished job `held`. False when another request took it first.
 */
export async function takeZipSlot(
  galleryId: string,
  clientId: string,
  slot: number,
  jobId: string,
  held: string | null,
  now: Date,
  ttl: number,
): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.zipSlot(galleryId, clientId, slot), type: 'zipSlot', slot, jobId, takenAt: now.toISOString(), ttl },
        ConditionExpression: held ? 'jobId = :held' : 'attribute_not_exists(PK)',
        ExpressionAttributeValues: held ? { ':held': held } : undefined,
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

/** Frees a slot `jobId` took, if it still holds it. */
export async function freeZipSlot(galleryId: string, clientId: string, slot: number, jobId: string): Promise<void> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.zipSlot(galleryId, clientId, slot),
        ConditionExpression: 'jobId = :job',
        ExpressionAttributeValues: { ':job': jobId },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

/** The job last built for a set of files, if any. */
export async function getZipSet(galleryId: string, clientId: string, fingerprint: string): Promise<string | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.zipSet(galleryId, clientId, fingerprint), ConsistentRead: true }),
  );
  return typeof out.Item?.jobId === 'string' ? out.Item.jobId : null;
}

export async function putZipSet(galleryId: string, clientId: string, fingerprint: string, jobId: string, ttl: number): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.zipSet(galleryId, clientId, fingerprint), type: 'zipSet', jobId, ttl } }),
  );
}

/** The job without its keys and the worker's bookkeeping. */
function toJob(item: Record<string, unknown>): ZipJob {
  const { type: _type, runId: _runId, ...job } = withoutKeys(item);
  return job as unknown as ZipJob;
}
