// A fingerprint of everything stored (every table item and every object key), to prove that a
// refused request changed nothing.
import { createHash } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../shared/adapters/storage.ts';
import { config } from '../../shared/config.ts';
import { db, tableName } from '../../shared/data/db.ts';

export async function storedState(): Promise<{ items: number; objects: number; digest: string }> {
  const { lines, items, objects } = await storedLines();
  return { items, objects, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

/** JSON with object keys sorted at every depth, so equal items always print alike. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Set) return [...v].sort();
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array))
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** The lines in one snapshot and not in the other, either way (what was added, changed or removed). */
export function changedLines(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const is = new Set(after);
  return after.filter((l) => !was.has(l)).concat(before.filter((l) => !is.has(l)));
}

/** Every table item (as sorted-key JSON) and every object (`s3:key:size:etag`), sorted. */
export async function storedLines(): Promise<{ lines: string[]; items: number; objects: number }> {
  // The table in four parallel scan segments and the bucket's listing at the same time: the matrix
  // and the fuzzer take one between every group of routes.
  const segments = 4;
  const scanSegment = async (Segment: number): Promise<string[]> => {
    const out: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new ScanCommand({ TableName: tableName(), ExclusiveStartKey, ConsistentRead: true, Segment, TotalSegments: segments }),
      );
      for (const item of page.Items ?? []) out.push(stableJson(item));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  };
  // Paged with StartAfter: s3rver answers a ContinuationToken (buckets over 1,000 objects) with an
  // InternalError.
  const listObjects = async (): Promise<string[]> => {
    const out: string[] = [];
    let startAfter: string | undefined;
    for (;;) {
      const page = await s3().send(new ListObjectsV2Command({ Bucket: config.bucketName, StartAfter: startAfter }));
      for (const o of page.Contents ?? []) out.push(`s3:${o.Key}:${o.Size}:${o.ETag}`);
      if (!page.IsTruncated || !page.Contents?.length) break;
      startAfter = page.Contents[page.Contents.length - 1]?.Key;
    }
    return out;
  };
  const [scanned, listed] = await Promise.all([Promise.all(Array.from({ length: segments }, (_, i) => scanSegment(i))), listObjects()]);
  const items = scanned.reduce((n, part) => n + part.length, 0);
  const objects = listed.length;
  const lines = [...scanned.flat(), ...listed];
  lines.sort();
  return { lines, items, objects };
}
