// Fixed-window rate limits kept in the table: one conditional counter per subject and window.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/db.ts';
import { keys } from '../data/keys.ts';
import { tooManyRequests } from '../http/errors.ts';

export interface Limit {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/** Counts one use of `subject`; throws 429 once `max` uses fall in the current window. */
export async function consume(limit: Limit, subject: string, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.rateWindow(limit.bucket, subject, windowStart),
        UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':max': limit.max, ':ttl': windowStart + 2 * limit.windowSeconds },
      }),
    );
  } catch (e) {
    if (e instanceof Error && e.name === 'ConditionalCheckFailedException') {
      const retryAfter = windowStart + limit.windowSeconds - Math.floor(now / 1000);
      throw tooManyRequests('Too many requests. Please wait a few minutes and try again.', Math.max(1, retryAfter));
    }
    throw e;
  }
}
