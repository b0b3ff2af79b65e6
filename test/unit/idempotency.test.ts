// The pure parts of retried creates (shared/http/idempotency.ts): which keys are accepted, and which
// routes store their answers. The replay itself runs against the local stack
// (test/integration/idempotency.test.ts).
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../shared/http/errors.ts';
import { idempotencyKeyOf, principalOf } from '../../shared/http/idempotency.ts';
import { isIdempotent, routeList, routes } from '../../shared/routes.ts';

describe('the Idempotency-Key header', () => {
  it.each([
    ['a UUID', '0b6f3b8e-6a47-4f43-9d0e-3c1d2f0a9b7e'],
    ['one character', 'k'],
    ['128 visible characters', '~'.repeat(128)],
    ['punctuation', 'call:42/retry#1'],
  ])('accepts %s', (_, key) => {
    expect(idempotencyKeyOf({ 'idempotency-key': key })).toBe(key);
  });

  it('is optional', () => {
    expect(idempotencyKeyOf({})).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'a'.repeat(129)],
    ['a space', 'two words'],
    ['a control character', 'key\u0000'],
    ['a line break', 'key\r\nset-cookie: x'],
    ['non-ASCII', 'clé'],
  ])('refuses %s with 400 invalid_idempotency_key', (_, key) => {
    let thrown: unknown;
    try {
      idempotencyKeyOf({ 'idempotency-key': key });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ status: 400, code: 'invalid_idempotency_key' });
  });
});

describe('routes whose answers a repeated key replays', () => {
  it.each([
    ['createGallery', true],
    ['inviteClient', true],
    ['addComment', true],
    ['createShareLink', true],
    ['requestGalleryZip', true],
    // Their answers set session cookies: a replay would hand the same session out again.
    ['studioSignIn', false],
    ['refreshSession', false],
    ['redeemMagicLink', false],
    // Reads behind a password, answered with short-lived signed links.
    ['openSharedGallery', false],
    ['downloadSharedImage', false],
    // Only POSTs: the other methods are idempotent by themselves.
    ['listStudioGalleries', false],
    ['signOut', false],
  ] as const)('%s: %s', (id, expected) => {
    expect(isIdempotent(routes[id])).toBe(expected);
  });

  it('are POSTs only', () => {
    for (const route of routeList.filter(isIdempotent)) expect(route.method, route.id).toBe('POST');
  });
});

describe('whose a key is', () => {
  const studio = (studioId: string, userId: string) => ({ studioSession: { studio: { studioId }, user: { userId } } });
  const client = (studioId: string, clientId: string) => ({ clientSession: { studio: { studioId }, client: { clientId } } });

  it('names the studio user, the client, or else the visitor, each apart', () => {
    const principals = [
      principalOf(studio('s1', 'u1'), '10.0.0.1'),
      principalOf(studio('s1', 'u2'), '10.0.0.1'),
      principalOf(studio('s2', 'u1'), '10.0.0.1'),
      principalOf(client('s1', 'c1'), '10.0.0.1'),
      principalOf(client('s2', 'c1'), '10.0.0.1'),
      principalOf({}, '10.0.0.1'),
      principalOf({}, '10.0.0.2'),
    ];
    expect(new Set(principals).size).toBe(principals.length);
  });

  it('never lets the address stand in for a signed-in caller', () => {
    expect(principalOf(studio('s1', 'u1'), '10.0.0.1')).toBe(principalOf(studio('s1', 'u1'), '10.9.9.9'));
    expect(principalOf(client('s1', 'c1'), '10.0.0.1')).toBe(principalOf(client('s1', 'c1'), '10.9.9.9'));
  });
});
