// The studios feature's DynamoDB requests: studios, their portal address claims and their users,
// keyed only through records.ts.
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, conditionFailed } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import type { AddOn, Plan } from '../plans/index.ts';
import { keys, type Studio, type StudioUser } from './records.ts';

export async function getStudio(studioId: string): Promise<Studio | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.studio(studioId) }));
  return out.Item ? (withoutKeys(out.Item) as Studio) : null;
}

export async function getStudioUser(sub: string): Promise<StudioUser | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.studioUser(sub) }));
  return out.Item ? (withoutKeys(out.Item) as StudioUser) : null;
}

/**
 * The studio's team, or the one user with `email` in it. The index is eventually consistent on
 * AWS: a user who joined a moment ago may be missing for a moment (nothing decides on its absence
 * but a duplicate invitation, which accepting refuses again).
 */
export async function listStudioUsers(studioId: string, email?: string): Promise<StudioUser[]> {
  const index = keys.studioUsersIndex(studioId);
  const users: StudioUser[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: email ? 'GSI1PK = :pk AND GSI1SK = :sk' : 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': index.GSI1PK,
          ':sk': email ? keys.studioUserIndex(studioId, email).GSI1SK : index.GSI1SKPrefix,
        },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) if (item.type === 'studioUser') users.push(withoutKeys(item) as StudioUser);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return users;
}

/**
 * Ends every session the user opened until `atSeconds` (the tenancy step compares tokens with it).
 * Conditional on the user existing, so a removed user is not brought back as a stub.
 */
export async function endStudioUserSessions(sub: string, atSeconds: number): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.studioUser(sub),
        UpdateExpression: 'SET sessionsValidAfter = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': atSeconds },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

/** Records that the studio owner's email is theirs (conditional: no stub for a studio that is gone). */
export async function markStudioEmailVerified(studioId: string, at: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.studio(studioId),
        UpdateExpression: 'SET emailVerifiedAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

export async function isSlugTaken(slug: string): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slug(slug), ProjectionExpression: 'PK' }));
  return Boolean(out.Item);
}

/** The studio a portal address points to, if any. */
export async function getSlugStudioId(slug: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slug(slug) }));
  return out.Item?.studioId;
}

/** A custom domain's claim: whose it is and whether it is verified (its state is the domains feature's). */
export async function getDomainClaim(host: string): Promise<{ studioId: string; status: string } | undefined> {
  const out = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.domain(host),
      ProjectionExpression: 'studioId, #status',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return out.Item ? { studioId: out.Item.studioId, status: out.Item.status } : undefined;
}

/**
 * Claims the slug and writes the studio and its owner in one transaction, each put conditional on
 * its key being new, so an address is claimed once and a studio never exists without it or its
 * owner. 'taken' when a condition failed (the address, in practice).
 */
export async function putStudioWithSlugAndOwner(studio: Studio, user: StudioUser): Promise<'created' | 'taken'> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.slug(studio.slug), type: 'slug', studioId: studio.studioId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...keys.studio(studio.studioId),
                ...keys.studioListIndex(studio.createdAt, studio.studioId),
                type: 'studio',
                ...studio,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.studioUser(user.userId), ...keys.studioUserIndex(studio.studioId, user.email), type: 'studioUser', ...user },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
  } catch (e) {
    if (conditionFailed(e)) return 'taken';
    throw e;
  }
  return 'created';
}

/** One page of the deployment's studios, oldest first (operators only: see domain/operator.ts). */
export async function queryStudios(page: PageRequest): Promise<Page<Studio>> {
  const { GSI1PK, GSI1SKPrefix } = keys.studioList();
  const { items, nextCursor } = await queryPage({ pk: GSI1PK, prefix: GSI1SKPrefix, index: 'GSI1' }, page);
  return { items: items.map((item) => withoutKeys(item) as Studio), nextCursor };
}

/** Sets a studio's plan and add-ons; false when there is no such studio. */
export async function updateStudioPlan(studioId: string, plan: Plan, addOns: AddOn[]): Promise<Studio | null> {
  try {
    const result = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.studio(studioId),
        UpdateExpression: 'SET #plan = :plan, addOns = :addOns',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#plan': 'plan' },
        ExpressionAttributeValues: { ':plan': plan, ':addOns': addOns },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys(result.Attributes ?? {}) as Studio;
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}
