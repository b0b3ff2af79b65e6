// The clients' pure rules, table by table: which status the dashboard shows, and who has access.
import { describe, expect, it } from 'vitest';
import { clientStatus, hasAccess } from '../../../shared/features/clients/domain/rules.ts';
import type { Client } from '../../../shared/features/clients/records.ts';

const base: Client = {
  clientId: 'c1',
  studioId: 's1',
  email: 'c@example.com',
  name: 'C',
  invitedAt: '2026-11-01T00:00:00.000Z',
  lastSignInAt: null,
  accessExpiresAt: null,
};
const now = new Date('2026-12-02T12:00:00.000Z');

describe('a client’s status and access', () => {
  it.each<[string, Partial<Client>, string, boolean]>([
    ['never signed in', {}, 'invited', true],
    ['signed in', { lastSignInAt: '2026-11-02T00:00:00.000Z' }, 'active', true],
    ['last day is today', { accessExpiresAt: '2026-12-02', lastSignInAt: '2026-11-02T00:00:00.000Z' }, 'active', true],
    ['last day was yesterday', { accessExpiresAt: '2026-12-01', lastSignInAt: '2026-11-02T00:00:00.000Z' }, 'expired', false],
    ['revoked', { revokedAt: '2026-12-01T00:00:00.000Z', lastSignInAt: '2026-11-02T00:00:00.000Z' }, 'revoked', false],
    ['revoked and expired: revoked wins', { revokedAt: '2026-12-01T00:00:00.000Z', accessExpiresAt: '2026-01-01' }, 'revoked', false],
    ['restored (revokedAt cleared)', { revokedAt: null }, 'invited', true],
  ])('%s', (_, over, status, access) => {
    const client = { ...base, ...over };
    expect(clientStatus(client, now)).toBe(status);
    expect(hasAccess(client, now)).toBe(access);
  });
});
