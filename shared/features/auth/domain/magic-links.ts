// Magic links: 32 random bytes sent by email, stored only as a SHA-256 hash, valid for 15
// minutes, redeemable once, and only on the portal of the studio that issued them.
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db, tableName } from '../../../data/db.ts';
import { keys } from '../records.ts';
import { refuseRedeem, renewableFor } from './rules.ts';

export const MAGIC_LINK_TTL_SECONDS = 15 * 60;
/** Expired links are kept a little longer so the landing page can offer a fresh one. */
const KEEP_AFTER_EXPIRY_SECONDS = 7 * 24 * 3600;

export type LinkPurpose = 'invite' | 'signin';

interface MagicLinkRecord {
  studioId: string;
  clientId: string;
  purpose: LinkPurpose;
  expiresAt: number;
  usedAt?: string;
  renewedAt?: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface MagicLinkPut {
  TableName: string;
  Item: Record<string, unknown>;
  ConditionExpression: string;
}

/** A fresh link as a conditional put, for callers that write it inside their own transaction. */
export function newMagicLink(
  studioId: string,
  clientId: string,
  purpose: LinkPurpose,
  now = Date.now(),
): { token: string; put: MagicLinkPut } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = Math.floor(now / 1000) + MAGIC_LINK_TTL_SECONDS;
  const record: MagicLinkRecord = { studioId, clientId, purpose, expiresAt };
  return {
    token,
    put: {
      TableName: tableName(),
      Item: { ...keys.magicLink(hashToken(token)), type: 'magicLink', ...record, ttl: expiresAt + KEEP_AFTER_EXPIRY_SECONDS },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function issueMagicLink(studioId: string, clientId: string, purpose: LinkPurpose, now = Date.now()): Promise<string> {
  const { token, put } = newMagicLink(studioId, clientId, purpose, now);
  await db().send(new PutCommand(put));
  return token;
}

/**
 * Marks the link used in one conditional write, so two tabs racing with the same link cannot both
 * win, and says precisely why a refused link was refused.
 */
export async function redeemMagicLink(
  token: string,
  studioId: string,
  now = Date.now(),
): Promise<{ clientId: string; purpose: LinkPurpose }> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.magicLink(hashToken(token)),
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND studioId = :studio AND expiresAt > :nowSeconds',
        ExpressionAttributeValues: { ':now': new Date(now).toISOString(), ':studio': studioId, ':nowSeconds': Math.floor(now / 1000) },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    const record = out.Attributes as MagicLinkRecord;
    return { clientId: record.clientId, purpose: record.purpose };
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'ConditionalCheckFailedException') throw e;
    const raw = (e as { Item?: Record<string, never> }).Item;
    refuseRedeem(raw ? (unmarshall(raw) as MagicLinkRecord) : undefined, studioId);
  }
}

/**
 * For an expired link that was never used nor renewed: who it was for. A live link needs no
 * renewal, and an old one is renewed at most once (claimLinkForRenewal), so it cannot be used to
 * flood an inbox. The fresh link goes to the same inbox, so nothing is revealed to the caller.
 */
export async function findRenewableLink(token: string, studioId: string, now = Date.now()): Promise<{ clientId: string } | null> {
  const existing = await db().send(new GetCommand({ TableName: tableName(), Key: keys.magicLink(hashToken(token)), ConsistentRead: true }));
  return renewableFor(existing.Item as MagicLinkRecord | undefined, studioId, now);
}

/** Marks the link renewed; false when another request renewed (or used) it first. */
export async function claimLinkForRenewal(token: string, now = Date.now()): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.magicLink(hashToken(token)),
        UpdateExpression: 'SET renewedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(renewedAt) AND attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':now': new Date(now).toISOString() },
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof Error && e.name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}
