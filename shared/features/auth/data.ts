// The auth feature's DynamoDB requests: magic links, found by the hash of their token, keyed only
// through records.ts.

import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db, tableName } from '../../data/db.ts';
import { conditionalCheckFailed, type TransactItem } from '../../data/transactions.ts';

/** The transaction item type callers pass in, so their domain names no SDK type. */
export type { TransactItem } from '../../data/transactions.ts';

import { type EmailVerificationRecord, keys, type MagicLinkRecord, type SignUpCodeRecord } from './records.ts';

/** One write of a transaction, for callers that write a link inside their own. */

/** A link about to be written: the hash of its token, its record, and when the table may drop it. */
export interface NewMagicLink {
  tokenHash: string;
  record: MagicLinkRecord;
  ttl: number;
}

// Conditional on the hash being new: a link never overwrites another.
const magicLinkPut = (link: NewMagicLink) => ({
  TableName: tableName(),
  Item: { ...keys.magicLink(link.tokenHash), type: 'magicLink', ...link.record, ttl: link.ttl },
  ConditionExpression: 'attribute_not_exists(PK)',
});

/** The link's put, for a caller's transaction. */
export const magicLinkWrite = (link: NewMagicLink): TransactItem => ({ Put: magicLinkPut(link) });

export async function putMagicLink(link: NewMagicLink): Promise<void> {
  await db().send(new PutCommand(magicLinkPut(link)));
}

/**
 * Marks the link used in one conditional write (it exists, is unused, is this studio's and is
 * live), so two tabs racing with the same link cannot both win. On refusal, the link as it was
 * (undefined when there is none), so the caller can say why.
 */
export async function markMagicLinkUsed(
  tokenHash: string,
  studioId: string,
  now: number,
): Promise<{ used: MagicLinkRecord } | { refused: MagicLinkRecord | undefined }> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.magicLink(tokenHash),
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND studioId = :studio AND expiresAt > :nowSeconds',
        ExpressionAttributeValues: { ':now': new Date(now).toISOString(), ':studio': studioId, ':nowSeconds': Math.floor(now / 1000) },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { used: out.Attributes as MagicLinkRecord };
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
    const raw = (e as { Item?: Record<string, never> }).Item;
    return { refused: raw ? (unmarshall(raw) as MagicLinkRecord) : undefined };
  }
}

/** A strongly consistent read: a link used or renewed a moment ago must not look renewable. */
export async function getMagicLink(tokenHash: string): Promise<MagicLinkRecord | undefined> {
  const existing = await db().send(new GetCommand({ TableName: tableName(), Key: keys.magicLink(tokenHash), ConsistentRead: true }));
  return existing.Item as MagicLinkRecord | undefined;
}

/**
 * Marks the link renewed, conditional on it being neither renewed nor used, so it is renewed at
 * most once; false when another request renewed (or used) it first.
 */
export async function markMagicLinkRenewed(tokenHash: string, now: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.magicLink(tokenHash),
        UpdateExpression: 'SET renewedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(renewedAt) AND attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':now': new Date(now).toISOString() },
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

/** Stores a sign-up code's hash until it expires (the table drops it a day later). */
export async function putSignUpCode(codeHash: string, record: SignUpCodeRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.signUpCode(codeHash), type: 'signUpCode', ...record, ttl: record.expiresAt + 86_400 },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Uses the code up in one conditional delete (it exists and is live): the code as it was, or undefined. */
export async function takeSignUpCode(codeHash: string, nowSeconds: number): Promise<SignUpCodeRecord | undefined> {
  try {
    const out = await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.signUpCode(codeHash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const item = out.Attributes;
    return item ? { expiresAt: item.expiresAt, issuedAt: item.issuedAt } : undefined;
  } catch (e) {
    if (conditionalCheckFailed(e)) return undefined;
    throw e;
  }
}

/** Stores an email verification link's hash until it expires (the table drops it a day later). */
export async function putEmailVerification(tokenHash: string, record: EmailVerificationRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.emailVerification(tokenHash), type: 'emailVerification', ...record, ttl: record.expiresAt + 86_400 },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Uses the link up in one conditional delete (it exists and is live): the studio it verifies, or undefined. */
export async function takeEmailVerification(tokenHash: string, nowSeconds: number): Promise<string | undefined> {
  try {
    const out = await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.emailVerification(tokenHash),
        ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return out.Attributes?.studioId;
  } catch (e) {
    if (conditionalCheckFailed(e)) return undefined;
    throw e;
  }
}
