// Where Powertools' idempotency utility keeps its records: in the one table, under keys of ours.
// Its DynamoDB layer puts every record of a function under one static partition when the table has
// a sort key; here each record is its own partition instead (no hot partition, and IAM can confine a
// route to the prefix with dynamodb:LeadingKeys). The HTTP side is shared/http/idempotency.ts.

import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamodb, tableName } from './db.ts';
import type { FeatureRecords } from './records.ts';
import { TABLE } from './table.ts';

/**
 * One stored answer. `scope` is Powertools' idempotency key: the route id, then a hash of who asked,
 * where, with which Idempotency-Key (shared/http/idempotency.ts), so no caller reaches another's.
 */
export const idempotencyKey = (scope: string) => ({ PK: `IDEM#${scope}`, SK: 'ANSWER' });

/** The partition-key pattern of every stored answer, for an IAM dynamodb:LeadingKeys condition. */
export const IDEMPOTENCY_LEADING_KEY = 'IDEM#*';

class TablePersistence extends DynamoDBPersistenceLayer {
  protected override getKey(scope: string): Record<string, AttributeValue> {
    const { PK, SK } = idempotencyKey(scope);
    return { [TABLE.partitionKey]: { S: PK }, [TABLE.sortKey]: { S: SK } };
  }
}

/** The persistence layer, on our DynamoDB client (so the local stack's endpoint) and the table's TTL attribute. */
export const idempotencyStore = () =>
  new TablePersistence({
    tableName: tableName(),
    // Only used by its "key not there yet" condition and its messages: our getKey builds the key.
    keyAttr: TABLE.partitionKey,
    expiryAttr: TABLE.ttlAttribute,
    awsSdkV3Client: dynamodb(),
  });

export const records: FeatureRecords = {
  feature: 'idempotency (shared/data/idempotency.ts)',
  rows: [
    {
      record: 'Idempotent answer (a create retried with its Idempotency-Key)',
      PK: 'IDEM#<route id>#<hash of scope>',
      SK: 'ANSWER',
      ttl: true,
    },
  ],
  accessPatterns: [
    'Retried create: PutItem IDEM#<route id>#<hash>/ANSWER as INPROGRESS, conditional on no live record; on a refusal the old item comes back with the condition failure (ALL_OLD) and answers the retry (a stored answer, 409 while in progress, 422 for another body).',
    'After the route ran: UpdateItem the same item to COMPLETED with the answer (2xx only), or DeleteItem it (a failure), so a retry runs again.',
  ],
};
