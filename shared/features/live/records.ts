// Live connections: one record per open WebSocket, found by connection id ($disconnect, a gone
// connection) and by person (fan-out) on GSI1. Each expires (TTL) a little after API Gateway's own
// two-hour limit on a connection, so a connection whose $disconnect never ran is forgotten anyway.
import type { FeatureRecords } from '../../data/records.ts';
import type { PersonKey } from '../people/index.ts';

export interface ConnectionRecord {
  connectionId: string;
  studioId: string;
  person: PersonKey;
  /** Which host it was opened on: the dashboard or the studio's portal. */
  side: 'studio' | 'client';
  connectedAt: string;
  ttl: number;
}

export const keys = {
  connection: (connectionId: string) => ({ PK: `CONN#${connectionId}`, SK: 'CONN' }),
  connectionIndex: (studioId: string, person: PersonKey, connectionId: string) => ({
    GSI1PK: `LIVE#${studioId}#${person}`,
    GSI1SK: `CONN#${connectionId}`,
  }),
  connectionsOf: (studioId: string, person: PersonKey) => ({ GSI1PK: `LIVE#${studioId}#${person}`, GSI1SKPrefix: 'CONN#' }),
} as const;

export const records: FeatureRecords = {
  feature: 'live',
  rows: [
    {
      record: 'Live connection (an open WebSocket)',
      PK: 'CONN#<connectionId>',
      SK: 'CONN',
      GSI1PK: 'LIVE#<studioId>#<user:sub | client:clientId>',
      GSI1SK: 'CONN#<connectionId>',
      ttl: true,
    },
  ],
  accessPatterns: [
    'Open a socket: PutItem CONN#<connectionId> ($connect, after the token and the host are checked); close: DeleteItem ($disconnect, or a 410 Gone from PostToConnection).',
    "Fan-out: per recipient, Query GSI1 LIVE#<studioId>#<person> (begins_with CONN#), then PostToConnection to each; a person's sockets are closed the same way when they are removed.",
  ],
};
