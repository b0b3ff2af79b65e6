// Rate limits kept in the table. Two kinds: fixed windows (one conditional counter per subject and
// window: `consume`), and backoff after failures (one counter of failures in a row per subject:
// `assertNotBackedOff`, `recordFailure`, `resetFailures`), for guesses (passwords) where only
// failures may count, so the real owner is never locked out by someone else's attempts.
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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

/**
 * Growing delays after failures: `free` failures in a row pass, then the subject waits
 * `baseSeconds`, doubled with each further failure up to `maxSeconds` (never a permanent lockout).
 * After `forgetSeconds` without a failure the count starts over.
 */
export interface Backoff {
  bucket: string;
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetSeconds: number;
}

/** How long to wait after `failures` failures in a row. Pure. */
export function backoffSeconds(limit: Backoff, failures: number): number {
  if (failures < limit.free) return 0;
  return Math.min(limit.maxSeconds, limit.baseSeconds * 2 ** Math.min(failures - limit.free, 30));
}

interface FailureCount {
  failures: number;
  /** Epoch milliseconds of the last failure. */
  lastFailureAt: number;
}

/** Whole seconds until `count` may try again (0: now); forgotten counts wait for nothing. Pure. */
export function waitSeconds(limit: Backoff, count: FailureCount | undefined, now: number): number {
  if (!count || now - count.lastFailureAt > limit.forgetSeconds * 1000) return 0;
  const until = count.lastFailureAt + backoffSeconds(limit, count.failures) * 1000;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/**
 * Throws 429 (with when to retry) while `subject` must wait after its failures. Says how many
 * failures there were, so a caller resets only a count that exists.
 */
export async function assertNotBackedOff(limit: Backoff, subject: string, now = Date.now()): Promise<{ failures: number }> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: failureCountKey(limit.bucket, subject), ConsistentRead: true }),
  );
  const count = out.Item as FailureCount | undefined;
  const wait = waitSeconds(limit, count, now);
  if (wait > 0) throw limitReached('Too many failed attempts. Please wait a moment and try again.', wait);
  return { failures: count && now - count.lastFailureAt <= limit.forgetSeconds * 1000 ? count.failures : 0 };
}

/** Counts one failure of `subject` (a count gone quiet for `forgetSeconds` starts over). */
export async function recordFailure(limit: Backoff, subject: string, now = Date.now()): Promise<void> {
  const values = { ':now': now, ':ttl': Math.floor(now / 1000) + limit.forgetSeconds + limit.maxSeconds };
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: failureCountKey(limit.bucket, subject),
        UpdateExpression: 'ADD failures :one SET lastFailureAt = :now, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(lastFailureAt) OR lastFailureAt >= :since',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ...values, ':one': 1, ':since': now - limit.forgetSeconds * 1000 },
      }),
    );
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'ConditionalCheckFailedException') throw e;
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: failureCountKey(limit.bucket, subject),
        UpdateExpression: 'SET failures = :one, lastFailureAt = :now, #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ...values, ':one': 1 },
      }),
    );
  }
}

/** A success: `subject`'s failures are forgotten. */
export async function resetFailures(limit: Backoff, subject: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: failureCountKey(limit.bucket, subject) }));
}

/** One counter per bucket, subject and window; it expires with its window. */
export const rateWindowKey = (bucket: string, subject: string, windowStart: number) => ({
  PK: `RATE#${bucket}#${subject}`,
  SK: String(windowStart),
});

/** One count of failures in a row per bucket and subject; it expires once forgotten. */
export const failureCountKey = (bucket: string, subject: string) => ({
  PK: `RATE#${bucket}#${subject}`,
  SK: 'FAILURES',
});

export const records: FeatureRecords = {
  feature: 'rate limits (shared/data/rate-limit.ts)',
  rows: [
    { record: 'Rate-limit window', PK: 'RATE#<bucket>#<subject>', SK: '<window start>', ttl: true },
    { record: 'Failure count (backoff)', PK: 'RATE#<bucket>#<subject>', SK: 'FAILURES', ttl: true },
  ],
  accessPatterns: [
    'Rate limit: UpdateItem ADD count on the current window, conditional on count < limit.',
    'Failures only (consumeOnFailure): the same UpdateItem holds one use while the attempt runs; a success gives it back (ADD -1, conditional on count > 0).',
    'Backoff: GetItem RATE#<bucket>#<subject>/FAILURES before an attempt (wait while failures and the last one say so); UpdateItem ADD failures on a failure (restarting a forgotten count); DeleteItem on a success.',
  ],
};
