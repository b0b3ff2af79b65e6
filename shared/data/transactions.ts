// Why DynamoDB cancelled a transaction. A transaction is refused when one of its conditions fails
// (the caller's answer: "already exists", "selection full"), or cancelled because it collided
// with another write in flight or was throttled (TransactionConflict, ThrottlingError), which is
// worth a retry. Mapping only the first to a 4xx keeps a collision from passing for a refusal.

/** The per-item cancellation codes, or null when `e` is not a cancelled transaction. */
export function cancellationCodes(e: unknown): string[] | null {
  if (!(e instanceof Error) || e.name !== 'TransactionCanceledException') return null;
  return ((e as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './db.ts';

/** One item of a transaction, as data modules hand them to each other (e.g. an invitation's magic link). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A single write refused because its condition failed (not a transaction: see conditionFailed). */
export const conditionalCheckFailed = (e: unknown): boolean => e instanceof Error && e.name === 'ConditionalCheckFailedException';

/** A transaction refused because one of its conditions failed. */
export const conditionFailed = (e: unknown): boolean => cancellationCodes(e)?.includes('ConditionalCheckFailed') ?? false;

/**
 * Runs a transaction, again when it only collided with another one in flight (two writers at
 * once): the retry then meets the other's outcome and its conditions decide. The cancellation
 * codes of a refusal, or null when it went through.
 */
export async function transact(items: TransactItem[]): Promise<string[] | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return null;
    } catch (e) {
      const codes = cancellationCodes(e);
      if (!codes) throw e;
      if (codes.includes('ConditionalCheckFailed')) return codes;
      if (!codes.includes('TransactionConflict') || attempt >= 4) throw e;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
    }
  }
}
