// Rate limits kept in the table. Two kinds: fixed windows (one conditional counter per subject and
// window: `consume`), and backoff after failures (one counter of failures in a row per subject:
// `reserveAttempt`), for guesses (passwords) where only failures may count, so the real owner is
// never locked out for longer than the longest wait by someone else's attempts.

import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { limitReached } from '../errors.ts';
import { db, tableName } from './db.ts';
import type { FeatureRecords } from './records.ts';
import { conditionalCheckFailed } from './transactions.ts';

export interface Limit {
  bucket: string;
  max: number;
  windowSeconds: number;
  /** What the 429 says (a generic "too many requests" when not given). */
  message?: string;
}

const TOO_MANY = 'Too many requests. Please wait a few minutes and try again.';

/**
 * Counts `amount` uses of `subject` (one request, or e.g. its bytes); throws 429 once more than
 * `max` would fall in the current window. Returns the window's start, which `giveBack` needs.
 */
export async function consume(limit: Limit, subject: string, now = Date.now(), amount = 1): Promise<number> {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const retryAfter = Math.max(1, windowStart + limit.windowSeconds - Math.floor(now / 1000));
  await add(limit, subject, windowStart, amount, limit.max - amount, retryAfter);
  return windowStart;
}

/**
 * Holds `amount` uses of `subject` for things that live at most one window, each given back with
 * `giveBack` when it ends (an upload that starts processing) or forgotten with its window (one
 * abandoned): 429 once the uses held in this window and the previous one would pass `max`. Only
 * those two windows can hold live things, so nothing abandoned counts for longer. The 429 says to
 * retry after `retryAfterSeconds`, as held uses are given back all the time. Returns the window's
 * start, for `giveBack`.
 */
export async function hold(limit: Limit, subject: string, amount: number, retryAfterSeconds: number, now = Date.now()): Promise<number> {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const previous = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: rateWindowKey(limit.bucket, subject, windowStart - limit.windowSeconds),
      ConsistentRead: true,
    }),
  );
  // Gives back since this read only lower it: the race errs on the strict side.
  const heldBefore = Math.max(0, Number(previous.Item?.count ?? 0));
  await add(limit, subject, windowStart, amount, limit.max - amount - heldBefore, retryAfterSeconds);
  return windowStart;
}

/** ADD `amount` to the window's counter, conditional on it holding at most `room` before. */
async function add(limit: Limit, subject: string, windowStart: number, amount: number, room: number, retryAfter: number): Promise<void> {
  const refused = () => limitReached(limit.message ?? TOO_MANY, retryAfter);
  // More than the whole limit at once never fits (and a missing counter would let it through).
  if (room < 0) throw refused();
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateWindowKey(limit.bucket, subject, windowStart),
        UpdateExpression: 'ADD #count :amount SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(#count) OR #count <= :room',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':amount': amount, ':room': room, ':ttl': windowStart + 2 * limit.windowSeconds },
      }),
    );
  } catch (e) {
    if (conditionalCheckFailed(e)) throw refused();
    throw e;
  }
}

/** Takes back `amount` uses counted in the window that started at `windowStart` (never below zero). */
export async function giveBack(limit: Limit, subject: string, windowStart: number, amount = 1): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateWindowKey(limit.bucket, subject, windowStart),
        UpdateExpression: 'ADD #count :minus',
        ConditionExpression: '#count >= :amount',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':minus': -amount, ':amount': amount },
      }),
    );
  } catch (e) {
    // The window expired meanwhile: nothing left to take back.
    if (!conditionalCheckFailed(e)) throw e;
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

/** An attempt let through by `reserveAttempt`: counted as a failure until the caller says it was not one. */
export interface ReservedAttempt {
  /** Failures in a row before this attempt (0: a clean count). */
  readonly before: number;
  /** It succeeded and the count starts over (an email's password was right). */
  reset(): Promise<void>;
  /** It succeeded and only its own reservation is taken back (the count stays: a source IP's). */
  release(): Promise<void>;
}

/**
 * Lets one attempt of `subject` through `limit`'s backoff, or throws 429 with when to retry. The
 * attempt is counted as a failure before it runs. The free ones (all but the last) go at once; each
 * later one must first move `nextAttemptAt` forward by a conditional write: of a burst sent at once,
 * at most `free` attempts get through (the free ones, then the first to win the write).
 * A success takes its count back (`reset` or `release`).
 */
export async function reserveAttempt(limit: Backoff, subject: string, now = Date.now()): Promise<ReservedAttempt> {
  const key = failureCountKey(limit.bucket, subject);
  const ttl = Math.floor(now / 1000) + limit.forgetSeconds + limit.maxSeconds;
  const count = async (): Promise<number> => {
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'ADD failures :one SET lastFailureAt = :now, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(lastFailureAt) OR lastFailureAt >= :since',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':now': now, ':ttl': ttl, ':since': now - limit.forgetSeconds * 1000 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.failures ?? 1);
    } catch (e) {
      if (!conditionalCheckFailed(e)) throw e;
      // Quiet for `forgetSeconds`: the count starts over.
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET failures = :one, lastFailureAt = :now, #ttl = :ttl REMOVE nextAttemptAt',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':now': now, ':ttl': ttl },
        }),
      );
      return 1;
    }
  };
  const uncount = () =>
    db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'ADD failures :minus',
          ConditionExpression: 'failures > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      )
      .then(
        () => undefined,
        (e: unknown) => {
          if (!conditionalCheckFailed(e)) throw e;
        },
      );

  const n = await count();
  // The free failures wait for nothing: they need no turn (and no clock to compare).
  if (backoffSeconds(limit, n) === 0) return { before: n - 1, reset: () => deleteCount(key), release: uncount };
  try {
    // The n-th attempt claims its turn: only while no earlier failure asks to wait, and it sets the
    // wait its own failure will have earned.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET nextAttemptAt = :next',
        ConditionExpression: 'attribute_not_exists(nextAttemptAt) OR nextAttemptAt <= :now',
        ExpressionAttributeValues: { ':now': now, ':next': now + backoffSeconds(limit, n) * 1000 },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
    // Refused attempts do not count as failures: only tried passwords do.
    await uncount();
    const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    const wait = Math.max(1, Math.ceil((Number(out.Item?.nextAttemptAt ?? now) - now) / 1000));
    throw limitReached('Too many failed attempts. Please wait a moment and try again.', wait);
  }
  return { before: n - 1, reset: () => deleteCount(key), release: uncount };
}

async function deleteCount(key: Record<string, string>): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: key }));
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
    'Rate limit: UpdateItem ADD count (1, or an amount such as bytes) on the current window, conditional on count + amount <= limit.',
    'Held uses (hold, e.g. uploads waiting): GetItem the previous window, then the same UpdateItem with the room it leaves; giveBack (ADD -amount, conditional on count >= amount) when a held use ends.',
    'Failures only (consumeOnFailure): the same UpdateItem holds one use while the attempt runs; a success gives it back (ADD -1, conditional on count > 0).',
    'Backoff (reserveAttempt): UpdateItem ADD failures before the attempt (restarting a forgotten count), then UpdateItem SET nextAttemptAt conditional on nextAttemptAt <= now (else ADD failures -1 and 429); on a success DeleteItem (an email) or ADD failures -1 (an IP).',
  ],
};
