// Every answer the local front door gives carries the security headers of shared/security-headers.ts,
// with exactly the values CloudFront's response-headers policy sets in AWS: every page of the built
// site, its assets, one answer of every API route (whatever its status), API Gateway's own 404,
// 413 and 400 answers, the site's 404 and 405, the local mail pages, and the 500 of a failure.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { startLocalServer } from '../../local/server.ts';
import { routeList } from '../../shared/routes.ts';
import { securityHeaders } from '../../shared/security-headers.ts';
import { type Answer, Browser, DASHBOARD, portal } from '../support/http.ts';

const SITE_DIR = fileURLToPath(new URL('../../site/dist/', import.meta.url));
const NORTHLIGHT = portal(DEMO.studio.slug);
const HOSTS = [DASHBOARD, NORTHLIGHT];
const storageOrigin = new URL(process.env.AWS_ENDPOINT_URL_S3 as string).origin;
// The local stack frames the Stripe stand-in's checkout page where AWS frames Stripe's (STRIPE_API_BASE).
const checkoutFrameOrigin = process.env.STRIPE_API_BASE;
const EXPECTED = securityHeaders({ storageOrigin, checkoutFrameOrigin });

let checked = 0;
afterAll(() => console.log(`security headers: ${checked} answers checked`));

/** Every header of the one list, with its exact value. */
function expectSecurityHeaders(what: string, answer: Answer): void {
  for (const [name, value] of Object.entries(EXPECTED)) expect(answer.headers[name], `${what}: ${name}`).toBe(value);
  checked++;
}

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name as string, values];
    }),
  );

describe('the one list', () => {
  it('forbids inline and eval scripts, framing and sniffing, and sends HSTS and a referrer policy', () => {
    const csp = directives(EXPECTED['content-security-policy'] as string);
    // No inline script: only the site's own and Stripe.js (the embedded Checkout's), framed by the portal.
    expect(csp.get('script-src')).toEqual(["'self'", 'https://js.stripe.com']);
    expect(csp.get('frame-src')).toEqual([
      'https://js.stripe.com',
      'https://checkout.stripe.com',
      'https://hooks.stripe.com',
      new URL(checkoutFrameOrigin as string).origin,
    ]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toContain(storageOrigin);
    expect(EXPECTED['x-content-type-options']).toBe('nosniff');
    expect(EXPECTED['x-frame-options']).toBe('DENY');
    expect(EXPECTED['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(EXPECTED['strict-transport-security']).toMatch(/^max-age=(\d+); includeSubDomains; preload$/);
    expect(Number(/max-age=(\d+)/.exec(EXPECTED['strict-transport-security'] as string)?.[1])).toBeGreaterThanOrEqual(31536000);
  });
});

/** Built pages: site/dist/<area>/<path>/index.html, served on the area's host at /<path>/. */
function builtPages(): Array<{ host: string; path: string; file: string; status: number }> {
  const pages: Array<{ host: string; path: string; file: string; status: number }> = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(SITE_DIR).filter((f) => f.endsWith('.html'))) {
    const [area, ...rest] = relative(SITE_DIR, file).split('/');
    const host = area === 'app' ? DASHBOARD : NORTHLIGHT;
    const inner = rest.join('/');
    if (inner === '404.html') pages.push({ host, path: `/no-such-page-${randomUUID().slice(0, 8)}`, file, status: 404 });
    else if (inner === 'galleries/detail/index.html') pages.push({ host, path: `/galleries/${randomUUID()}`, file, status: 200 });
    else pages.push({ host, path: `/${inner.replace(/index\.html$/, '')}`, file, status: 200 });
  }
  return pages;
}

describe('site', () => {
  const b = new Browser();

  it('every built page, on its host', async () => {
    const pages = builtPages();
    // Both areas, their 404 pages and the one-page-per-record detail pages: a sanity floor.
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.status === 404)).toHaveLength(2);
    for (const page of pages) {
      const answer = await b.get(page.host, page.path);
      expect(answer.status, `${page.host}${page.path}`).toBe(page.status);
      expect(answer.text).toBe(readFileSync(page.file, 'utf8'));
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(`${page.host}${page.path}`, answer);
    }
    const head = await b.call(DASHBOARD, 'HEAD', '/');
    expect(head.status).toBe(200);
    expectSecurityHeaders('HEAD /', head);
  });

  it('assets (a script, a stylesheet, the icon, robots.txt) on both hosts', async () => {
    const assets = readdirSync(join(SITE_DIR, '_astro'));
    const js = assets.find((f) => f.endsWith('.js'));
    const css = assets.find((f) => f.endsWith('.css'));
    expect(js && css).toBeTruthy();
    for (const host of HOSTS) {
      for (const path of [`/_astro/${js}`, `/_astro/${css}`, '/favicon.svg', '/robots.txt']) {
        const answer = await b.get(host, path);
        expect(answer.status, `${host}${path}`).toBe(200);
        expectSecurityHeaders(`${host}${path}`, answer);
      }
    }
  });

  it('refusals: a missing asset, a method the site does not take, a broken path, a path out of the site', async () => {
    for (const host of HOSTS) {
      const missing = await b.get(host, '/_astro/no-such-file.js');
      expect(missing.status).toBe(404);
      expectSecurityHeaders(`${host} missing asset`, missing);
      const posted = await b.call(host, 'POST', '/', { body: 'x', headers: { 'content-type': 'text/plain' } });
      expect(posted.status).toBe(405);
      expectSecurityHeaders(`${host} POST /`, posted);
      // A malformed percent-encoding is the client's mistake: 400, not the 500 it once was.
      const broken = await b.get(host, '/%E0%A4%A');
      expect(broken.status).toBe(400);
      expectSecurityHeaders(`${host} broken path`, broken);
      const traversal = await b.get(host, '/..%2f..%2f..%2fetc%2fpasswd');
      expect(traversal.status).toBe(403);
      expect(traversal.text).not.toContain('root:');
      expectSecurityHeaders(`${host} path traversal`, traversal);
    }
  });

  it('the local mail pages', async () => {
    for (const path of ['/_dev/mail', '/_dev/mail.json', '/_dev/mail/0', '/_dev/mail/99999999']) {
      const answer = await b.get(DASHBOARD, path);
      expect(answer.status, path).toBeLessThan(500);
      expectSecurityHeaders(path, answer);
    }
  });
});

describe('API', () => {
  const b = new Browser();
  const withIds = (path: string) => path.replace(/\{\w+\}/g, () => randomUUID());

  it('one answer of every route in the route table, on the dashboard and on a portal', async () => {
    const statuses = new Map<number, number>();
    for (const host of HOSTS) {
      for (const route of routeList) {
        // No session and an empty body: whatever each route answers (200, 204, 400, 401, 404 …).
        const answer = await b.call(host, route.method, withIds(route.path), route.body ? { json: {} } : {});
        const what = `${host} ${route.method} ${route.path} (${answer.status})`;
        expect(answer.status, what).toBeLessThan(500);
        expectSecurityHeaders(what, answer);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    }
    // The sweep met the routes' own answers and the gateway's, not one status for everything.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  });

  it("API Gateway's own answers: no such route, a method the route lacks, a broken path", async () => {
    for (const host of HOSTS) {
      for (const [method, path] of [
        ['GET', '/api/nope'],
        ['GET', '/api'],
        ['DELETE', '/api/health'],
        ['PUT', '/api/portal'],
      ] as const) {
        const answer = await b.call(host, method, path);
        expect(answer.status, `${host} ${method} ${path}`).toBe(404);
        expect(answer.body).toEqual({ message: 'Not Found' });
        expectSecurityHeaders(`${host} ${method} ${path}`, answer);
      }
      const broken = await b.get(host, '/api/studio/galleries/%E0');
      expect(broken.status).toBe(400);
      expect(broken.body).toEqual({ message: 'Bad Request' });
      expectSecurityHeaders(`${host} broken API path`, broken);
    }
  });

  it('bodies too large: over the handler limit and over the gateway limit', async () => {
    const overHandlerLimit = await b.call(DASHBOARD, 'POST', '/api/studio/session', {
      json: { email: 'a@example.com', password: 'x'.repeat(70 * 1024) },
    });
    expect(overHandlerLimit.status).toBe(413);
    expect(overHandlerLimit.body.error).toBe('body_too_large');
    expectSecurityHeaders('65 KB body', overHandlerLimit);
    // Over API Gateway's 10 MB: the local server answers before any handler, and the answer arrives.
    const overGatewayLimit = await b.call(NORTHLIGHT, 'POST', '/api/portal/magic-link', {
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/json' },
    });
    expect(overGatewayLimit.status).toBe(413);
    expect(overGatewayLimit.body).toEqual({ message: 'Request Entity Too Large' });
    expectSecurityHeaders('10 MB body', overGatewayLimit);
  });

  it('answers that set and clear session cookies', async () => {
    const signedIn = await b.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['set-cookie']).toBeDefined();
    expectSecurityHeaders('sign-in', signedIn);
    const out = await b.call(DASHBOARD, 'DELETE', '/api/session');
    expect(out.status).toBe(204);
    expectSecurityHeaders('sign-out', out);
  });
});

describe('a failure inside the local server', () => {
  let server: Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('still answers 500 with every header', async () => {
    // A second front door whose mailbox fails: the one way to reach the catch-all from outside.
    server = await startLocalServer({
      port: 0,
      dashboardHost: 'localhost',
      storageOrigin,
      authorizers: { studio: async () => null, client: async () => null },
      mailbox: { list: () => Promise.reject(new Error('mailbox unavailable (on purpose)')) },
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await new Browser(port).get(DASHBOARD, '/_dev/mail.json');
    const errorsLogged = logged.mock.calls.map(([e]) => (e as Error).message);
    logged.mockRestore();
    expect(errorsLogged).toEqual(['mailbox unavailable (on purpose)']);
    expect(answer.status).toBe(500);
    expect(answer.text).toBe('Internal Server Error');
    expectSecurityHeaders('500', answer);
  });
});
