// Fixed-window rate limits kept in the table: one conditional counter per subject and window.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { limitReached } from '../errors.ts';
import { db, tableName } from './db.ts';
import type { FeatureRecords } from './records.ts';

export interface Limit {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/**
 * Counts one use of `subject`; throws 429 once `max` uses fall in the current window. Returns the
 * window's start, which `giveBack` needs.
 */
export async function consume(limit: Limit, subject: string, now = Date.now()): Promise<number> {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateWindowKey(limit.bucket, subject, windowStart),
        UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':max': limit.max, ':ttl': windowStart + 2 * limit.windowSeconds },
      }),
    );
    return windowStart;
  } catch (e) {
    if (e instanceof Error && e.name === 'ConditionalCheckFailedException') {
      const retryAfter = windowStart + limit.windowSeconds - Math.floor(now / 1000);
      throw limitReached('Too many requests. Please wait a few minutes and try again.', Math.max(1, retryAfter));
    }
    throw e;
  }
}

/** Takes back one use counted in the window that started at `windowStart` (never below zero). */
export async function giveBack(limit: Limit, subject: string, windowStart: number): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateWindowKey(limit.bucket, subject, windowStart),
        UpdateExpression: 'ADD #count :minus',
        ConditionExpression: '#count > :zero',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    );
  } catch (e) {
    // The window expired meanwhile: nothing left to take back.
    if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
  }
}

/**
 * Counts only the attempts that fail: 429 once `max` failures of `subject` fall in the current
 * window, before `attempt` runs. The attempt runs holding one use, so concurrent attempts can never
 * pass `max` together; one that succeeds gives its use back.
 */
export async function consumeOnFailure(limit: Limit, subject: string, attempt: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
  const windowStart = await consume(limit, subject, now);
  const succeeded = await attempt();
  if (succeeded) await giveBack(limit, subject, windowStart);
  return succeeded;
}

/** One counter per bucket, subject and window; it expires with its window. */
export const rateWindowKey = (bucket: string, subject: string, windowStart: number) => ({
  PK: `RATE#${bucket}#${subject}`,
  SK: String(windowStart),
});

export const records: FeatureRecords = {
  feature: 'rate limits (shared/data/rate-limit.ts)',
  rows: [{ record: 'Rate-limit window', PK: 'RATE#<bucket>#<subject>', SK: '<window start>', ttl: true }],
  accessPatterns: [
    'Rate limit: UpdateItem ADD count on the current window, conditional on count < limit.',
    'Failures only (consumeOnFailure): the same UpdateItem holds one use while the attempt runs; a success gives it back (ADD -1, conditional on count > 0).',
  ],
};
