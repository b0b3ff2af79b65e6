import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors.ts';
import { refuseRedeem, renewableFor, sessionEnded, unverifiedClaims } from '../../../shared/features/auth/domain/rules.ts';

const NOW = Date.parse('2025-06-15T12:00:00Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('a refused magic link says why', () => {
  it.each<[string, Parameters<typeof refuseRedeem>[0], string, RegExp]>([
    ['no such link', undefined, 'link_invalid', /not valid/],
    ["another studio's link", { studioId: 's2' }, 'link_invalid', /not valid/],
    ["another studio's used link", { studioId: 's2', usedAt: '2025-06-15T11:00:00.000Z' }, 'link_invalid', /not valid/],
    ['a used link', { studioId: 's1', usedAt: '2025-06-15T11:00:00.000Z' }, 'link_used', /already been used/],
    ['any other refused link has expired', { studioId: 's1' }, 'link_expired', /has expired/],
  ])('%s: %s', (_, old, code, message) => {
    let refusal: unknown;
    try {
      refuseRedeem(old, 's1');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'not_authenticated', code, message: expect.stringMatching(message) });
  });
});

describe('a magic link may be renewed', () => {
  const link = { studioId: 's1', clientId: 'c1', expiresAt: seconds(NOW) - 60 };

  it.each<[string, Parameters<typeof renewableFor>[0], { clientId: string } | null]>([
    ['no such link', undefined, null],
    ["another studio's link", { ...link, studioId: 's2' }, null],
    ['a used link', { ...link, usedAt: '2025-06-15T11:00:00.000Z' }, null],
    ['a link renewed once already', { ...link, renewedAt: '2025-06-15T11:30:00.000Z' }, null],
    ['a live link', { ...link, expiresAt: seconds(NOW) + 60 }, null],
    ['a link expiring this second', { ...link, expiresAt: seconds(NOW) }, { clientId: 'c1' }],
    ['an expired link, for the client it was sent to', link, { clientId: 'c1' }],
  ])('%s: %o', (_, record, renewable) => {
    expect(renewableFor(record, 's1', NOW)).toEqual(renewable);
  });
});

describe('a session is ended by a later sign-out', () => {
  const OUT = 1_750_000_000;
  it.each<[string, Record<string, unknown>, number | undefined, boolean]>([
    ['never signed out', { auth_time: String(OUT - 10) }, undefined, false],
    ['opened before the sign-out', { auth_time: String(OUT - 10) }, OUT, true],
    ['opened in the same second (a token says only its second)', { auth_time: String(OUT) }, OUT, true],
    ['opened after the sign-out', { auth_time: String(OUT + 1) }, OUT, false],
    ['auth_time wins over a later iat (a refresh keeps auth_time)', { auth_time: String(OUT - 5), iat: String(OUT + 100) }, OUT, true],
    ['iat when there is no auth_time', { iat: OUT + 1 }, OUT, false],
    ['a token that says no time, after a sign-out', {}, OUT, true],
    ['a token that says nonsense, after a sign-out', { auth_time: 'soon' }, OUT, true],
  ])('%s', (_, claims, validAfter, ended) => {
    expect(sessionEnded(claims, validAfter)).toBe(ended);
  });

  it('reads the claims of a JWT, and nothing of what is none', () => {
    const jwt = `e30.${Buffer.from(JSON.stringify({ sub: 'u1', auth_time: 5 })).toString('base64url')}.sig`;
    expect(unverifiedClaims(jwt)).toEqual({ sub: 'u1', auth_time: 5 });
    for (const junk of [
      '',
      'abc',
      'a.b.c',
      `e30.${Buffer.from('[1]').toString('base64url')}.x`,
      `e30.${Buffer.from('null').toString('base64url')}.x`,
    ])
      expect(unverifiedClaims(junk)).toBeNull();
  });
});
