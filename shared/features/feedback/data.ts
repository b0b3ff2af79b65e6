// The feedback feature's DynamoDB requests, keyed only through records.ts.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import type { Page, PageRequest } from '../../paging.ts';
import { type FeedbackRecord, keys } from './records.ts';

export async function putFeedback(f: FeedbackRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.feedback(f.studioId, f.createdAt, f.feedbackId), type: 'feedback', ...f },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function queryFeedback(studioId: string, page: PageRequest): Promise<Page<FeedbackRecord>> {
  const { PK, SKPrefix } = keys.feedbackOfStudio(studioId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((i) => withoutKeys(i) as FeedbackRecord), nextCursor };
}
