// What every record of the single table shares. Each feature declares its own records, key
// builders and access patterns in shared/features/<feature>/records.ts; shared/key-table.ts
// assembles them into the one key table (shared/data/KEYS.md, checked by a test). Only key builders
// write key strings: a unit test fails on a raw key prefix anywhere else.

/** One row of the key table: a record type and how its keys are built. */
export interface KeyRow {
  record: string;
  PK: string;
  SK: string;
  GSI1PK?: string;
  GSI1SK?: string;
  /** The record expires (DynamoDB TTL on `ttl`). */
  ttl?: true;
}

/** What a feature tells the key table: its records and the reads and writes they serve. */
export interface FeatureRecords {
  feature: string;
  rows: readonly KeyRow[];
  accessPatterns: readonly string[];
}

/** Strips the key attributes before a record leaves the data layer. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'ttl'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, ttl: _ttl, ...rest } = item;
  return rest;
}
