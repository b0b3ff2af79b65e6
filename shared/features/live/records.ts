// Live connections: one record per open WebSocket, found by connection id ($disconnect, a gone
// connection) and by studio on GSI1, sorted by person: a fan-out reads the studio's open sockets
// once, whatever the number of recipients, and closing one person's reads only theirs. Each expires (TTL) a little after API Gateway's own
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
    GSI1PK: `LIVE#${studioId}`,
    GSI1SK: `${person}#${connectionId}`,
  }),
  studioConnections: (studioId: string) => ({ GSI1PK: `LIVE#${studioId}` }),
  connectionsOf: (studioId: string, person: PersonKey) => ({ GSI1PK: `LIVE#${studioId}`, GSI1SKPrefix: `${person}#` }),
} as const;

export const records: FeatureRecords = {
  feature: 'live',
  rows: [
    {
      record: 'Live connection (an open WebSocket)',
      PK: 'CONN#<connectionId>',
      SK: 'CONN',
      GSI1PK: 'LIVE#<studioId>',
      GSI1SK: '<user:sub | client:clientId>#<connectionId>',
      ttl: true,
    },
  ],
  accessPatterns: [
    'Open a socket: PutItem CONN#<connectionId> ($connect, after the token and the host are checked); close: DeleteItem ($disconnect, or a 410 Gone from PostToConnection).',
    "Fan-out: one Query of GSI1 LIVE#<studioId> (the studio's open sockets, keys only: person and connection id), then PostToConnection to each recipient's; however many recipients an event has, one read.",
    "A person's sockets (closing them when the person is removed or signs out): Query GSI1 LIVE#<studioId>, SK begins_with <person>#.",
  ],
};
