// The domains feature's DynamoDB requests: the DOMAIN#<host> claim and the studio's `customDomain`,
// keyed only through records.ts.
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { cancellationCodes, conditionalCheckFailed } from '../../data/transactions.ts';
import { type DomainClaim, keys } from './records.ts';

export async function getClaim(host: string): Promise<DomainClaim | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.claim(host), ConsistentRead: true }));
  return out.Item ? (withoutKeys(out.Item) as DomainClaim) : null;
}

/**
 * Claims the host for the studio and names it on the studio, in one transaction: the host is free
 * (never claimed, failed, or a claim that waited past `staleBefore` for its DNS), and the studio has
 * no domain yet. Concurrent claims of one host: one wins, the others are 'taken'.
 */
export async function putClaim(claim: DomainClaim, staleBefore: string): Promise<'claimed' | 'taken' | 'studio_has_domain'> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.claim(claim.host), type: 'domain', ...claim },
              ConditionExpression: 'attribute_not_exists(PK) OR #status = :failed OR (#status = :pending AND claimedAt < :stale)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':failed': 'failed', ':pending': 'pending_dns', ':stale': staleBefore },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: keys.studio(claim.studioId),
              UpdateExpression: 'SET customDomain = :host',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(customDomain)',
              ExpressionAttributeValues: { ':host': claim.host },
            },
          },
        ],
      }),
    );
    return 'claimed';
  } catch (e) {
    const codes = cancellationCodes(e);
    if (codes?.[0] === 'ConditionalCheckFailed') return 'taken';
    if (codes?.[1] === 'ConditionalCheckFailed') return 'studio_has_domain';
    throw e;
  }
}

/** Saves a claim's next state, if it is still the studio's and in the status it was read in (else 'stale'). */
export async function updateClaim(claim: DomainClaim, from: DomainClaim['status']): Promise<'saved' | 'stale'> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.claim(claim.host),
        UpdateExpression: 'SET #status = :status, checkedAt = :checked, activeAt = :active, tenantId = :tenant, reason = :reason',
        ConditionExpression: 'studioId = :studio AND #status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': claim.status,
          ':checked': claim.checkedAt,
          ':active': claim.activeAt,
          ':tenant': claim.tenantId,
          ':reason': claim.reason,
          ':studio': claim.studioId,
          ':from': from,
        },
      }),
    );
    return 'saved';
  } catch (e) {
    if (conditionalCheckFailed(e)) return 'stale';
    throw e;
  }
}

/**
 * Lets the host go and clears it from the studio, in one transaction. The claim is deleted only if it
 * is still this studio's (another may have taken over a failed one), the studio's name of it always.
 */
export async function deleteClaim(studioId: string, host: string, ownsClaim: boolean): Promise<void> {
  const clearStudio = {
    Update: {
      TableName: tableName(),
      Key: keys.studio(studioId),
      UpdateExpression: 'REMOVE customDomain',
      ConditionExpression: 'customDomain = :host',
      ExpressionAttributeValues: { ':host': host },
    },
  };
  if (!ownsClaim) {
    await db()
      .send(new UpdateCommand(clearStudio.Update))
      .catch((e) => {
        if (!conditionalCheckFailed(e)) throw e;
      });
    return;
  }
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: keys.claim(host),
              ConditionExpression: 'studioId = :studio',
              ExpressionAttributeValues: { ':studio': studioId },
            },
          },
          clearStudio,
        ],
      }),
    );
  } catch (e) {
    // Removed meanwhile (a second click): nothing left to do.
    if (!cancellationCodes(e)?.includes('ConditionalCheckFailed')) throw e;
  }
}
