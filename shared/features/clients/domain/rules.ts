// Whether a client may use the portal, and the status the dashboard shows. Pure: no request.
import type { Client } from '../records.ts';
import type { ClientSummary } from '../schemas.ts';

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Revoked by the studio, or past the last day: either ends the client's access. */
export function hasAccess(client: Client, now = new Date()): boolean {
  if (client.revokedAt) return false;
  return client.accessExpiresAt === null || client.accessExpiresAt >= today(now);
}

/** Revoked wins over expired (the studio's act, and restoring undoes it), expired over signed in. */
export function clientStatus(client: Client, now = new Date()): ClientSummary['status'] {
  if (client.revokedAt) return 'revoked';
  if (!hasAccess(client, now)) return 'expired';
  return client.lastSignInAt ? 'active' : 'invited';
}
