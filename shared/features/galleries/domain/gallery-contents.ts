// Everything stored under one gallery's partition, read with one paginated Query: the images and
// every client's marks on them. Both the studio's and the client's views are built from this.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../../data/db.ts';
import { withoutKeys } from '../../../data/records.ts';
import { keys, PARTITION_ITEM } from '../records.ts';
import type { ImageRecord } from './images.ts';

export interface SelectionState {
  clientId: string;
  count: number;
  confirmedAt: string | null;
  submissionId: string | null;
}

export interface SubmissionRecord {
  submissionId: string;
  galleryId: string;
  clientId: string;
  clientName: string;
  clientEmail: string;
  confirmedAt: string;
  count: number;
  imageIds: string[];
  fileNames: string[];
}

export interface ActivityRecord {
  clientId: string;
  views?: number;
  downloads?: number;
  lastViewAt?: string;
  lastDownloadAt?: string;
}

export interface ShareLinkRecord {
  linkId: string;
  galleryId: string;
  studioId: string;
  access: 'view' | 'download';
  /** scrypt hash (salt:hash, hex) of the password, or null for none. */
  passwordHash: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  uses: number;
  lastUsedAt: string | null;
}

export interface GalleryContents {
  images: ImageRecord[];
  selections: Map<string, SelectionState>;
  /** `${clientId}#${imageId}` of every selected image. */
  picks: Set<string>;
  favourites: Set<string>;
  commentCounts: Map<string, number>;
  submissions: SubmissionRecord[];
  activity: ActivityRecord[];
  shareLinks: ShareLinkRecord[];
  /** DynamoDB requests this read took (pages), for the benchmarks. */
  requests: number;
}

/** A share link as the studio sees it: never the password hash; the URL only when just created. */
export function publicLink(link: ShareLinkRecord, url?: string) {
  return {
    linkId: link.linkId,
    access: link.access,
    hasPassword: link.passwordHash !== null,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    createdAt: link.createdAt,
    uses: link.uses,
    lastUsedAt: link.lastUsedAt,
    ...(url ? { url } : {}),
  };
}

export const mark = (clientId: string, imageId: string) => `${clientId}#${imageId}`;

/** Capture time first (how a photographer thinks of a shoot), then upload order. */
export function byShootOrder(a: ImageRecord, b: ImageRecord): number {
  return (a.takenAt ?? '').localeCompare(b.takenAt ?? '') || a.position - b.position || a.fileName.localeCompare(b.fileName);
}

export async function loadGalleryContents(galleryId: string): Promise<GalleryContents> {
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
  contents.images.sort(byShootOrder);
  contents.submissions.sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt));
  return contents;
}
