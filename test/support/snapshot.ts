// A fingerprint of everything stored (every table item and every object key), to prove that a
// refused request changed nothing.
import { createHash } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../shared/adapters/storage.ts';
import { config } from '../../shared/config.ts';
import { db, tableName } from '../../shared/data/db.ts';

export async function storedState(): Promise<{ items: number; objects: number; digest: string }> {
  const lines: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey, ConsistentRead: true }));
    for (const item of page.Items ?? []) lines.push(JSON.stringify(item, Object.keys(item).sort()));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  const items = lines.length;
  let ContinuationToken: string | undefined;
  let objects = 0;
  do {
    const page = await listObjectsPage(ContinuationToken);
    for (const o of page.Contents ?? []) {
      lines.push(`s3:${o.Key}:${o.Size}:${o.ETag}`);
      objects++;
    }
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  lines.sort();
  return { items, objects, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

/** s3rver now and then fails a listing that races a write; a second look is enough. */
async function listObjectsPage(ContinuationToken: string | undefined, attempt = 0) {
  try {
    return await s3().send(new ListObjectsV2Command({ Bucket: config.bucketName, ContinuationToken }));
  } catch (e) {
    if (attempt >= 3 || !(e instanceof Error) || e.name !== 'InternalError') throw e;
    await new Promise((r) => setTimeout(r, 200));
    return listObjectsPage(ContinuationToken, attempt + 1);
  }
}
