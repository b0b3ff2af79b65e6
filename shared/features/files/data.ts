// The Files tab's DynamoDB and S3 requests, keyed only through records.ts and objects.ts.
import { DeleteObjectsCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, type TransactItem, transact } from '../../data/transactions.ts';
import type { ActivityRecord } from '../projects/index.ts';
import { activityPut } from '../projects/index.ts';
import { type FileRecord, type FolderRecord, ITEM_TYPES, keys, type VersionRecord } from './records.ts';

export interface FilesTab {
  folders: FolderRecord[];
  files: FileRecord[];
  /** Every version, by file id. */
  versions: Map<string, VersionRecord[]>;
}

const folderItem = (f: FolderRecord) => ({ ...keys.folder(f.projectId, f.folderId), type: ITEM_TYPES.folder, ...f });
const fileItem = (f: FileRecord) => ({ ...keys.file(f.projectId, f.fileId), type: ITEM_TYPES.file, ...f });
const versionItem = (v: VersionRecord) => ({ ...keys.version(v.projectId, v.fileId, v.version), type: ITEM_TYPES.version, ...v });

function collect(items: Record<string, unknown>[], into: FilesTab): void {
  for (const item of items) {
    const record = withoutKeys(item) as Record<string, unknown>;
    if (item.type === ITEM_TYPES.folder) into.folders.push(record as unknown as FolderRecord);
    else if (item.type === ITEM_TYPES.file) into.files.push(record as unknown as FileRecord);
    else if (item.type === ITEM_TYPES.version) {
      const v = record as unknown as VersionRecord;
      const list = into.versions.get(v.fileId) ?? [];
      list.push(v);
      into.versions.set(v.fileId, list);
    }
  }
}

/** The whole Files tab of a project: one Query of its range (more pages only past DynamoDB's 1 MB). */
export async function queryFilesTab(projectId: string): Promise<FilesTab> {
  const tab: FilesTab = { folders: [], files: [], versions: new Map() };
  const { PK, SKFrom, SKTo } = keys.filesTab(projectId);
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
    collect(page.Items ?? [], tab);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return tab;
}

/** One file and its versions (oldest first), or null. */
export async function queryFile(projectId: string, fileId: string): Promise<{ file: FileRecord; versions: VersionRecord[] } | null> {
  const tab: FilesTab = { folders: [], files: [], versions: new Map() };
  const { PK, SKPrefix } = keys.fileWithVersions(projectId, fileId);
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    collect(page.Items ?? [], tab);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  const file = tab.files.find((f) => f.fileId === fileId);
  return file ? { file, versions: tab.versions.get(fileId) ?? [] } : null;
}

export async function countFolders(projectId: string): Promise<number> {
  const { PK, SKPrefix } = keys.folders(projectId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      Select: 'COUNT',
    }),
  );
  return out.Count ?? 0;
}

export async function getFolder(projectId: string, folderId: string): Promise<FolderRecord | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.folder(projectId, folderId), ConsistentRead: true }));
  return out.Item ? (withoutKeys(out.Item) as FolderRecord) : null;
}

export async function getVersion(projectId: string, fileId: string, version: number): Promise<VersionRecord | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.version(projectId, fileId, version), ConsistentRead: true }),
  );
  return out.Item ? (withoutKeys(out.Item) as VersionRecord) : null;
}

export async function putFolder(folder: FolderRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: folderItem(folder), ConditionExpression: 'attribute_not_exists(PK)' }));
}

/** Changes a folder's name or client uploads; false when it is gone. */
export async function updateFolderFields(
  projectId: string,
  folderId: string,
  fields: { name?: string; clientUploads?: boolean },
  now: string,
): Promise<FolderRecord | null> {
  const sets = ['updatedAt = :now'];
  const values: Record<string, unknown> = { ':now': now };
  if (fields.name !== undefined) {
    sets.push('#name = :name');
    values[':name'] = fields.name;
  }
  if (fields.clientUploads !== undefined) {
    sets.push('clientUploads = :cu');
    values[':cu'] = fields.clientUploads;
  }
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.folder(projectId, folderId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: fields.name !== undefined ? { '#name': 'name' } : undefined,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys(out.Attributes ?? {}) as FolderRecord;
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}

/** Deletes a folder on condition it is empty: 'gone', 'not_empty' or 'deleted'. */
export async function deleteEmptyFolder(projectId: string, folderId: string): Promise<'deleted' | 'gone' | 'not_empty'> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.folder(projectId, folderId),
        ConditionExpression: 'attribute_exists(PK) AND fileCount = :zero',
        ExpressionAttributeValues: { ':zero': 0 },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'deleted';
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
    const item = (e as { Item?: Record<string, unknown> }).Item;
    return item ? 'not_empty' : 'gone';
  }
}

/** Adds `delta` to a folder's file count, on condition it exists (and, adding, has room; for a client, takes uploads). */
const folderCount = (
  projectId: string,
  folderId: string,
  delta: number,
  opts: { room?: number; clientUploads?: boolean } = {},
): TransactItem => {
  const conditions = ['attribute_exists(PK)'];
  const values: Record<string, unknown> = { ':d': delta };
  if (opts.room !== undefined) {
    conditions.push('fileCount < :room');
    values[':room'] = opts.room;
  }
  if (opts.clientUploads) {
    conditions.push('clientUploads = :yes');
    values[':yes'] = true;
  }
  return {
    Update: {
      TableName: tableName(),
      Key: keys.folder(projectId, folderId),
      UpdateExpression: 'ADD fileCount :d',
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeValues: values,
    },
  };
};

/**
 * A new file with its first version, counted into its folder: one transaction. The cancellation
 * codes when refused (the folder's item is first), or null.
 */
export async function createFileWrite(
  file: FileRecord,
  version: VersionRecord,
  folder: { room: number; clientOnly: boolean },
): Promise<string[] | null> {
  return transact([
    folderCount(file.projectId, file.folderId, 1, { room: folder.room, clientUploads: folder.clientOnly }),
    { Put: { TableName: tableName(), Item: fileItem(file), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: versionItem(version), ConditionExpression: 'attribute_not_exists(PK)' } },
  ]);
}

/** A new version: the file's versionCount goes up from the one read, in one transaction with the version. */
export async function addVersionWrite(file: FileRecord, version: VersionRecord, now: string): Promise<boolean> {
  const refused = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.file(file.projectId, file.fileId),
        UpdateExpression: 'SET versionCount = :n, updatedAt = :now',
        ConditionExpression: 'versionCount = :read',
        ExpressionAttributeValues: { ':n': version.version, ':read': file.versionCount, ':now': now },
      },
    },
    { Put: { TableName: tableName(), Item: versionItem(version), ConditionExpression: 'attribute_not_exists(PK)' } },
  ]);
  return refused === null;
}

/**
 * A file's new name, folder or sharing, on condition it is as read (its folder, its sharing), with
 * the folders' counts when it moves and an activity entry when it becomes shared. False when refused.
 */
export async function updateFileWrite(before: FileRecord, after: FileRecord, activity: ActivityRecord[], room: number): Promise<boolean> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: fileItem(after),
        ConditionExpression: 'attribute_exists(PK) AND folderId = :folder AND #shared = :shared',
        ExpressionAttributeNames: { '#shared': 'shared' },
        ExpressionAttributeValues: { ':folder': before.folderId, ':shared': before.shared },
      },
    },
    ...activity.map(activityPut),
  ];
  if (after.folderId !== before.folderId) {
    items.push(folderCount(before.projectId, before.folderId, -1), folderCount(after.projectId, after.folderId, 1, { room }));
  }
  return (await transact(items)) === null;
}

/** A file, every version, and its folder's count, in one transaction. False when the file changed or went meanwhile. */
export async function deleteFileWrite(file: FileRecord, versions: VersionRecord[]): Promise<boolean> {
  const refused = await transact([
    {
      Delete: {
        TableName: tableName(),
        Key: keys.file(file.projectId, file.fileId),
        ConditionExpression: 'attribute_exists(PK) AND versionCount = :n AND folderId = :folder',
        ExpressionAttributeValues: { ':n': file.versionCount, ':folder': file.folderId },
      },
    },
    ...versions.map((v) => ({ Delete: { TableName: tableName(), Key: keys.version(v.projectId, v.fileId, v.version) } })),
    folderCount(file.projectId, file.folderId, -1),
  ]);
  return refused === null;
}

/**
 * A version leaves uploading (the completion, or the object event first): processing. False when
 * it was not uploading (already further on, or gone).
 */
export async function markVersionProcessing(v: Pick<VersionRecord, 'projectId' | 'fileId' | 'version'>): Promise<boolean> {
  return conditionalUpdate(v, 'SET #status = :processing', '#status = :uploading', {
    ':processing': 'processing',
    ':uploading': 'uploading',
  });
}

/** The object event's result: ready with its preview, or failed with the reason. Only from uploading or processing. */
export async function finishVersion(
  v: Pick<VersionRecord, 'projectId' | 'fileId' | 'version'>,
  outcome: { status: 'ready'; preview: VersionRecord['preview'] } | { status: 'failed'; reason: string },
): Promise<boolean> {
  return outcome.status === 'ready'
    ? conditionalUpdate(v, 'SET #status = :ready, preview = :preview, failureReason = :none', '#status IN (:uploading, :processing)', {
        ':ready': 'ready',
        ':preview': outcome.preview,
        ':none': null,
        ':uploading': 'uploading',
        ':processing': 'processing',
      })
    : conditionalUpdate(v, 'SET #status = :failed, failureReason = :reason', '#status IN (:uploading, :processing)', {
        ':failed': 'failed',
        ':reason': outcome.reason,
        ':uploading': 'uploading',
        ':processing': 'processing',
      });
}

async function conditionalUpdate(
  v: Pick<VersionRecord, 'projectId' | 'fileId' | 'version'>,
  update: string,
  condition: string,
  values: Record<string, unknown>,
): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.version(v.projectId, v.fileId, v.version),
        UpdateExpression: update,
        ConditionExpression: `attribute_exists(PK) AND ${condition}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

/**
 * Marks a finished version announced, with its activity entries, once: false when it was already
 * (a repeated completion) or is gone or failed.
 */
export async function announceVersion(v: VersionRecord, activity: ActivityRecord[], at: string): Promise<boolean> {
  const refused = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.version(v.projectId, v.fileId, v.version),
        UpdateExpression: 'SET announcedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND attribute_type(announcedAt, :null) AND #status <> :failed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':at': at, ':null': 'NULL', ':failed': 'failed' },
      },
    },
    ...activity.map(activityPut),
  ]);
  return refused === null;
}

// ---------------------------------------------------------------------------------------------
// Objects.

export async function storedObject(key: string): Promise<{ size: number; contentType: string | null } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
  } catch (e) {
    if (e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey')) return null;
    throw e;
  }
}

/** Deletes objects, 1,000 a request; false when some could not be deleted. */
export async function deleteObjects(objectKeys: string[]): Promise<boolean> {
  let ok = true;
  for (let i = 0; i < objectKeys.length; i += 1000) {
    const chunk = objectKeys.slice(i, i + 1000);
    const out = await s3().send(
      new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }),
    );
    if (out.Errors?.length) ok = false;
  }
  return ok;
}
