// Share links' DynamoDB requests: the link in the gallery's partition (galleries' key builders) and
// the token pointing at it (records.ts).

import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import { type ActivityRecord, keys as galleryKeys, type ShareLinkRecord } from '../galleries/index.ts';
import { keys } from './records.ts';

/** What a token points at. */
export interface ShareToken {
  galleryId: string;
  studioId: string;
  linkId: string;
}

/**
 * Writes the link and its token's pointer in one transaction, each on condition its key is new: a
 * link never exists without its token, and a token hash is never taken over.
 */
export async function putShareLink(link: ShareLinkRecord, tokenHash: string): Promise<void> {
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: { ...galleryKeys.shareLink(link.galleryId, link.linkId), type: 'shareLink', ...link },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: tableName(),
            Item: {
              ...keys.shareToken(tokenHash),
              type: 'shareToken',
              galleryId: link.galleryId,
              studioId: link.studioId,
              linkId: link.linkId,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    }),
  );
}

/**
 * Sets revokedAt on condition the link exists and is not revoked yet, so the first revocation's
 * time stands. False when the condition failed: already revoked, or no such link.
 */
export async function revokeLink(galleryId: string, linkId: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: galleryKeys.shareLink(galleryId, linkId),
        UpdateExpression: 'SET revokedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND revokedAt = :null',
        ExpressionAttributeValues: { ':now': new Date().toISOString(), ':null': null },
      }),
    );
    return true;
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
    return false;
  }
}

export async function shareLinkExists(galleryId: string, linkId: string): Promise<boolean> {
  const existing = await db().send(new GetCommand({ TableName: tableName(), Key: galleryKeys.shareLink(galleryId, linkId) }));
  return Boolean(existing.Item);
}

export async function getShareToken(tokenHash: string): Promise<ShareToken | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.shareToken(tokenHash) }));
  if (!out.Item) return undefined;
  return { galleryId: out.Item.galleryId, studioId: out.Item.studioId, linkId: out.Item.linkId };
}

/** Whether `visitor` gave this link's right password lately (a pass that has expired is ignored). */
export async function hasSharePass(tokenHash: string, visitor: string, nowSeconds: number): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.sharePass(tokenHash, visitor) }));
  return Boolean(out.Item && Number(out.Item.ttl) > nowSeconds);
}

export async function putSharePass(tokenHash: string, visitor: string, ttl: number): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.sharePass(tokenHash, visitor), type: 'sharePass', ttl } }));
}

/** Read consistently: a link revoked a moment ago must not open. */
export async function getShareLink(galleryId: string, linkId: string): Promise<ShareLinkRecord | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: galleryKeys.shareLink(galleryId, linkId), ConsistentRead: true }),
  );
  return out.Item ? (withoutKeys(out.Item) as ShareLinkRecord) : undefined;
}

/** Counts one use of the link, and when it was. */
export async function countLinkUse(galleryId: string, linkId: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: galleryKeys.shareLink(galleryId, linkId),
      UpdateExpression: 'ADD uses :one SET lastUsedAt = :now',
      ExpressionAttributeValues: { ':one': 1, ':now': new Date().toISOString() },
    }),
  );
}

/** A page of a gallery's share links, in key order. */
export async function queryShareLinks(galleryId: string, page: PageRequest): Promise<Page<ShareLinkRecord>> {
  const { PK, SKPrefix } = galleryKeys.shareLinksOf(galleryId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix, consistent: true }, page);
  return { items: items.map((item) => withoutKeys(item) as ShareLinkRecord), nextCursor };
}

/** A page of a gallery's views and downloads, one record per client, in key order. */
export async function queryActivity(galleryId: string, page: PageRequest): Promise<Page<ActivityRecord>> {
  const { PK, SKPrefix } = galleryKeys.activityOf(galleryId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((item) => withoutKeys(item) as ActivityRecord), nextCursor };
}
