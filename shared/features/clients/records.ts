// A studio's clients: one record each, and a claim that makes an email unique per studio.
import type { FeatureRecords } from '../../data/records.ts';

export interface Client {
  clientId: string;
  studioId: string;
  email: string;
  name: string;
  invitedAt: string;
  lastSignInAt: string | null;
  /** Last day (UTC, YYYY-MM-DD) the client may use the portal; null = no end. */
  accessExpiresAt: string | null;
  /** Epoch seconds of the client's last sign-out: a token authenticated at or before it is refused. */
  sessionsValidAfter?: number;
  /** When the studio revoked the client's access (Portal Manager); absent or null while they have it. */
  revokedAt?: string | null;
}

export const keys = {
  client: (studioId: string, clientId: string) => ({ PK: `STUDIO#${studioId}`, SK: `CLIENT#${clientId}` }),
  clientPrefix: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'CLIENT#' }),
  clientEmail: (studioId: string, email: string) => ({ PK: `STUDIO#${studioId}`, SK: `CLIENTEMAIL#${email}` }),
} as const;

export const records: FeatureRecords = {
  feature: 'clients',
  rows: [
    { record: 'Client', PK: 'STUDIO#<studioId>', SK: 'CLIENT#<clientId>' },
    { record: 'Client email claim', PK: 'STUDIO#<studioId>', SK: 'CLIENTEMAIL#<email>' },
  ],
  accessPatterns: [
    'Client session → client: GetItem STUDIO#<studioId>/CLIENT#<clientId>; both ids come from the client pool username (`<studioId>.<clientId>`) of the verified token, and the studio must be the one the host resolves to.',
    "A studio's clients: Query PK=STUDIO#<id>, SK begins_with CLIENT#.",
    'Find a client by email in a studio (magic link, duplicate invites): GetItem CLIENTEMAIL#<email>, which also makes the email unique per studio inside the invitation transaction.',
    "Portal Manager overview: one bounded Query page of the studio's clients (PK=STUDIO#<id>, SK begins_with CLIENT#, 100), one of its galleries (SK begins_with GALLERY#, 50), and one page of each of those galleries' SUBMISSION# items (20 each, in parallel): a glance, not a report (`partial` says when there was more).",
    'Revoke, restore, change the access end: one conditional UpdateItem of STUDIO#<studioId>/CLIENT#<clientId> (revoking writes revokedAt and sessionsValidAfter together, so the tokens end in the same write).',
  ],
};
