// The site's API client: its generated route module matches the route table, and `call` addresses,
// sends and retries as the site expects (fetch and location stubbed: no network).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { GENERATED_PATH, renderApiRoutes } from '../../local/gen-api-routes.ts';
import { routeList } from '../../shared/routes.ts';
import { ApiError, type CallInput, call, routeUrl } from '../../site/src/lib/api.ts';
import { apiRoutes } from '../../site/src/lib/api-routes.gen.ts';
import type { Ok } from '../../site/src/lib/types.ts';

describe('site/src/lib/api-routes.gen.ts', () => {
  it('is what the route table generates (run `npm run gen` to refresh it)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderApiRoutes(routeList));
  });

  it('holds the method, path and auth of every route, and nothing else', () => {
    expect(Object.keys(apiRoutes)).toEqual(routeList.map((r) => r.id));
    for (const r of routeList) expect(apiRoutes[r.id as keyof typeof apiRoutes]).toEqual({ method: r.method, path: r.path, auth: r.auth });
  });
});

const GALLERY = '0b5f4f8e-3c1a-4d1e-9a8b-2f6c7d8e9f01';
const IMAGE = '1c6a5b9f-4d2b-4e2f-8b9c-3a7d8e9fa012';

interface Sent {
  url: string;
  method: string;
  body: unknown;
}

describe('call', () => {
  let sent: Sent[];
  let answers: Array<() => Response>;
  const assign = vi.fn();
  const json = (status: number, body?: unknown) => () =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  beforeEach(() => {
    sent = [];
    answers = [];
    assign.mockReset();
    vi.stubGlobal('location', { pathname: '/galleries/x', search: '?tab=photos', assign });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        sent.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
        const next = answers.shift();
        if (!next) throw new TypeError('Failed to fetch');
        return next();
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('fills path parameters (encoded), sends JSON for non-GET routes and returns the body', async () => {
    answers.push(json(200, { selected: true, selectedCount: 3 }));
    const r = await call('setSelection', { params: { galleryId: GALLERY, imageId: IMAGE }, body: { selected: true } });
    expect(r).toEqual({ selected: true, selectedCount: 3 });
    expect(sent).toEqual([{ url: `/api/portal/galleries/${GALLERY}/images/${IMAGE}/selection`, method: 'PUT', body: { selected: true } }]);
    expect(routeUrl('exportSubmission', { params: { galleryId: 'a/b c', submissionId: '?' } })).toBe(
      '/api/studio/galleries/a%2Fb%20c/submissions/%3F/csv',
    );
  });

  it('answers undefined for a 204 and sends no body on GET', async () => {
    answers.push(json(204), json(200, { clients: [] }));
    expect(await call('signOut')).toBeUndefined();
    await call('listClients');
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['DELETE', '/api/session', undefined],
      ['GET', '/api/studio/clients', undefined],
    ]);
  });

  it('refreshes the session once for calls that fail together, then retries each', async () => {
    answers.push(json(401, { error: 'unauthorized', message: 'no' }), json(401, { error: 'unauthorized', message: 'no' }));
    answers.push(json(204), json(200, { clients: [] }), json(200, { clients: [] }));
    await Promise.all([call('listClients'), call('listClients')]);
    expect(sent.filter((s) => s.url === '/api/session/refresh')).toHaveLength(1);
    expect(sent.filter((s) => s.url === '/api/studio/clients')).toHaveLength(4);
    expect(assign).not.toHaveBeenCalled();
  });

  it('sends the browser to sign in when the refresh fails on a session route', async () => {
    answers.push(json(401, { error: 'unauthorized', message: 'no' }), json(401, { error: 'unauthorized', message: 'no' }));
    void call('getStudioMe');
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith(`/signin?next=${encodeURIComponent('/galleries/x?tab=photos')}`));
  });

  it('hands a public route its 401 (a wrong password) without refreshing', async () => {
    answers.push(json(401, { error: 'invalid_credentials', message: 'Wrong email or password.' }));
    const e = await call('studioSignIn', { body: { email: 'a@b.co', password: 'x' } }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Wrong email or password.' });
    expect(sent).toHaveLength(1);
    expect(assign).not.toHaveBeenCalled();
  });

  it('turns a network failure into ApiError(0) and a non-JSON error into a generic one', async () => {
    await expect(call('getPortal')).rejects.toMatchObject({ status: 0, code: 'network' });
    answers.push(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(call('getPortal')).rejects.toMatchObject({ status: 502, code: 'unexpected' });
  });

  it('is typed by the route table', () => {
    expectTypeOf<CallInput<'getStudioGallery'>['params']>().toEqualTypeOf<{ galleryId: string }>();
    expectTypeOf<Awaited<ReturnType<typeof call<'setFavourite'>>>>().toEqualTypeOf<Ok<'setFavourite'>>();
    expectTypeOf<Ok<'setFavourite'>>().toEqualTypeOf<{ favourite: boolean }>();
    expectTypeOf<Ok<'deleteImage'>>().toEqualTypeOf<undefined>();
    // @ts-expect-error: a route with path parameters needs them
    void (() => call('getStudioGallery'));
    // @ts-expect-error: the body is checked against the route's schema
    void (() => call('setFavourite', { params: { galleryId: GALLERY, imageId: IMAGE }, body: { favourite: 'yes' } }));
    // @ts-expect-error: a route without a body takes none
    void (() => call('listClients', { body: {} }));
  });
});
