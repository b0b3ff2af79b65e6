// The team feature's DynamoDB requests: invitations and their links, and the writes that add,
// change or remove a studio user together with the studio's owner count. Keys only through the
// key builders (this feature's and the studios').
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, type TransactItem, transact } from '../../data/transactions.ts';
import { type Role, type StudioUser, keys as studioKeys } from '../studios/index.ts';
import { type InvitationToken, keys, type TeamInvitation } from './records.ts';

/** Link records stay a week past their expiry, so an old link can still say "expired" rather than "unknown". */
const KEEP_AFTER_EXPIRY_SECONDS = 7 * 86_400;

const tokenPut = (tokenHash: string, token: InvitationToken): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.invitationToken(tokenHash), type: 'teamInvitationToken', ...token, ttl: token.expiresAt + KEEP_AFTER_EXPIRY_SECONDS },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** The invitation and its link, each put on condition it is new. */
export async function putInvitation(invitation: TeamInvitation, token: InvitationToken): Promise<void> {
  const refused = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.invitation(invitation.studioId, invitation.inviteId), type: 'teamInvitation', ...invitation },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    tokenPut(invitation.tokenHash, token),
  ]);
  // Fresh random ids and tokens never collide; should one, nothing may be overwritten.
  if (refused) throw new Error('A team invitation or its link exists already');
}

export async function listInvitations(studioId: string): Promise<TeamInvitation[]> {
  const { PK, SKPrefix } = keys.studioInvitations(studioId);
  const out: TeamInvitation[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) out.push(withoutKeys(item) as TeamInvitation);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/** A strongly consistent read: an invitation revoked or resent a moment ago must look so. */
export async function getInvitation(studioId: string, inviteId: string): Promise<TeamInvitation | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.invitation(studioId, inviteId), ConsistentRead: true }));
  return out.Item ? (withoutKeys(out.Item) as TeamInvitation) : null;
}

/**
 * A resend: the invitation gets a new link and expiry, on condition its link is still the one read
 * (two resends at once: one wins), and the old link's record goes, so the old link stops working.
 * False when the invitation changed or went meanwhile.
 */
export async function replaceInvitationLink(
  old: TeamInvitation,
  next: Pick<TeamInvitation, 'tokenHash' | 'expiresAt' | 'sentAt' | 'invitedBy'>,
): Promise<boolean> {
  const codes = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.invitation(old.studioId, old.inviteId),
        UpdateExpression: 'SET tokenHash = :new, expiresAt = :exp, sentAt = :sent, invitedBy = :by',
        ConditionExpression: 'tokenHash = :old',
        ExpressionAttributeValues: {
          ':new': next.tokenHash,
          ':exp': next.expiresAt,
          ':sent': next.sentAt,
          ':by': next.invitedBy,
          ':old': old.tokenHash,
        },
      },
    },
    { Delete: { TableName: tableName(), Key: keys.invitationToken(old.tokenHash) } },
    tokenPut(next.tokenHash, { studioId: old.studioId, inviteId: old.inviteId, expiresAt: next.expiresAt }),
  ]);
  return codes === null;
}

/** Deletes the invitation and its link together; false when it was gone or changed meanwhile. */
export async function deleteInvitation(invitation: TeamInvitation): Promise<boolean> {
  const codes = await transact([
    {
      Delete: {
        TableName: tableName(),
        Key: keys.invitation(invitation.studioId, invitation.inviteId),
        ConditionExpression: 'tokenHash = :h',
        ExpressionAttributeValues: { ':h': invitation.tokenHash },
      },
    },
    { Delete: { TableName: tableName(), Key: keys.invitationToken(invitation.tokenHash) } },
  ]);
  return codes === null;
}

/**
 * Marks the link used in one conditional write (it exists, is unused and live), so two tabs
 * racing with one link cannot both join. On refusal, the link as it was (undefined when there is
 * none), so the caller can say why.
 */
export async function useInvitationLink(
  tokenHash: string,
  now: number,
): Promise<{ used: InvitationToken } | { refused: InvitationToken | undefined }> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.invitationToken(tokenHash),
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :nowSeconds',
        ExpressionAttributeValues: { ':now': new Date(now).toISOString(), ':nowSeconds': Math.floor(now / 1000) },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { used: withoutKeys(out.Attributes ?? {}) as InvitationToken };
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
    const raw = (e as { Item?: Record<string, never> }).Item;
    return { refused: raw ? (unmarshall(raw) as InvitationToken) : undefined };
  }
}

/** Gives a used link back (joining failed on something the invitee may retry after). */
export async function releaseInvitationLink(tokenHash: string): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.invitationToken(tokenHash),
        UpdateExpression: 'REMOVE usedAt',
        ConditionExpression: 'attribute_exists(PK)',
      }),
    )
    .catch((e) => {
      if (!conditionalCheckFailed(e)) throw e;
    });
}

/** Deletes a used link's record once its invitation is accepted (nothing may open it again). */
export async function deleteInvitationLink(tokenHash: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.invitationToken(tokenHash) }));
}

const ownerCountUp = (studioId: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: studioKeys.studio(studioId),
    // A studio from before the count had exactly one owner.
    UpdateExpression: 'SET ownerCount = if_not_exists(ownerCount, :one) + :one',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':one': 1 },
  },
});

// A missing count means one owner, so the condition fails then too: the last owner stays.
const ownerCountDown = (studioId: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: studioKeys.studio(studioId),
    UpdateExpression: 'SET ownerCount = ownerCount - :one',
    ConditionExpression: 'ownerCount > :one',
    ExpressionAttributeValues: { ':one': 1 },
  },
});

/**
 * The invitee joins: the invitation goes (on condition its link is the one used), the studio user
 * is put (on condition it is new) and an owner is counted, all at once. False when refused.
 */
export async function joinStudio(invitation: TeamInvitation, user: StudioUser): Promise<boolean> {
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: tableName(),
        Key: keys.invitation(invitation.studioId, invitation.inviteId),
        ConditionExpression: 'tokenHash = :h',
        ExpressionAttributeValues: { ':h': invitation.tokenHash },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...studioKeys.studioUser(user.userId),
          ...studioKeys.studioUserIndex(user.studioId, user.email),
          type: 'studioUser',
          ...user,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
  if (user.role === 'owner') items.push(ownerCountUp(user.studioId));
  return (await transact(items)) === null;
}

/** Puts a team member directly (the operator's seed), an owner counted with it. */
export async function putTeamMember(user: StudioUser): Promise<void> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...studioKeys.studioUser(user.userId),
          ...studioKeys.studioUserIndex(user.studioId, user.email),
          type: 'studioUser',
          ...user,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
  if (user.role === 'owner') items.push(ownerCountUp(user.studioId));
  if ((await transact(items)) !== null) throw new Error(`Studio user ${user.userId} exists already`);
}

/** Why a change to a team member was refused: they changed (or went) meanwhile, or they are the last owner. */
export type TeamWriteOutcome = 'done' | 'changed' | 'last_owner';

const asRead = {
  ConditionExpression: 'studioId = :studio AND #role = :was',
  ExpressionAttributeNames: { '#role': 'role' },
};

function outcomeOf(codes: string[] | null): TeamWriteOutcome {
  if (codes === null) return 'done';
  return codes[0] === 'ConditionalCheckFailed' ? 'changed' : 'last_owner';
}

/** Sets the user's role, on condition it is as read; an owner's demotion or promotion changes the count with it. */
export async function writeRole(user: StudioUser, role: Role): Promise<TeamWriteOutcome> {
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: studioKeys.studioUser(user.userId),
        UpdateExpression: 'SET #role = :role',
        ...asRead,
        ExpressionAttributeValues: { ':role': role, ':studio': user.studioId, ':was': user.role },
      },
    },
  ];
  if (user.role === 'owner' && role !== 'owner') items.push(ownerCountDown(user.studioId));
  if (user.role !== 'owner' && role === 'owner') items.push(ownerCountUp(user.studioId));
  return outcomeOf(await transact(items));
}

/** Deletes the studio user, on condition its role is as read; an owner is taken off the count with it. */
export async function deleteStudioUser(user: StudioUser): Promise<TeamWriteOutcome> {
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: tableName(),
        Key: studioKeys.studioUser(user.userId),
        ...asRead,
        ExpressionAttributeValues: { ':studio': user.studioId, ':was': user.role },
      },
    },
  ];
  if (user.role === 'owner') items.push(ownerCountDown(user.studioId));
  return outcomeOf(await transact(items));
}
