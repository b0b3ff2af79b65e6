import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, PageQuery, pageRequest } from '../../shared/paging.ts';

describe('the page query every list route takes', () => {
  const key = { PK: 'STUDIO#s1', SK: 'CLIENT#c1' };
  it.each([
    [{}, true],
    [{ limit: '1' }, true],
    [{ limit: '100' }, true],
    [{ limit: '0' }, false],
    [{ limit: '101' }, false],
    [{ limit: '050' }, false],
    [{ limit: '-1' }, false],
    [{ limit: '1e2' }, false],
    [{ limit: ' 5' }, false],
    [{ cursor: encodeCursor(key) }, true],
    [{ cursor: '' }, false],
    [{ cursor: 'not+base64/url=' }, false],
    [{ cursor: Buffer.from('not json').toString('base64url') }, false],
    [{ cursor: encodeCursor({}) }, false],
    [{ cursor: Buffer.from('["PK"]').toString('base64url') }, false],
    [{ cursor: encodeCursor({ PK: 1 }) }, false],
    [{ cursor: 'x'.repeat(2000) }, false],
    [{ limt: '5' }, false],
  ])('%j is accepted: %s', (query, ok) => {
    expect(PageQuery.safeParse(query).success).toBe(ok);
  });

  it('round-trips a key through a cursor, and defaults the page size', () => {
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(pageRequest(PageQuery.parse({}))).toEqual({ limit: 50 });
    expect(pageRequest(PageQuery.parse({ limit: '7', cursor: encodeCursor(key) }))).toEqual({ limit: 7, cursor: encodeCursor(key) });
  });
});
