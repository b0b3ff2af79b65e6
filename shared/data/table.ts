// The single DynamoDB table's physical shape, shared by the CDK data stack and the local stack.
// The key design and access patterns: shared/data/KEYS.md, assembled from the features' records.ts.
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Records that expire (magic links, rate-limit windows) carry epoch seconds here. */
  ttlAttribute: 'ttl',
  gsis: [
    /** Inverted lookups: a client's galleries/projects, a studio's users. */
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  ],
} as const;
