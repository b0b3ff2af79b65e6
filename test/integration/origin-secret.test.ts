// Issue 9 item 11: the HTTP API's execute-api endpoint is public, so a caller could skip CloudFront
// (its functions, its header policy) and send any x-portico-host. In AWS, CloudFront adds a secret
// origin header and every handler refuses a request without it. Here two front doors share the
// handlers, as CloudFront and execute-api share the Lambdas: `edge` adds the header as CloudFront
// does, `direct` does not. The secret lives in a Secrets Manager stand-in, read by the handlers.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { startLocalServer } from '../../local/server.ts';
import { type LocalSecrets, startLocalSecrets } from '../../local/services/secrets.ts';
import { ORIGIN_SECRET_HEADER } from '../../shared/origin-header.ts';
import { Browser, DASHBOARD, portal } from '../support/http.ts';

const storageOrigin = new URL(process.env.AWS_ENDPOINT_URL_S3 as string).origin;
const NAME = 'portico/origin-secret';
const FIRST = 'first-origin-secret-value-0123456789';
const SECOND = 'second-origin-secret-value-0123456789';
const THIRD = 'third-origin-secret-value-0123456789';

let secrets: LocalSecrets;
const servers: Server[] = [];
const saved = { ...process.env };

async function frontDoor(originSecret?: string): Promise<Browser> {
  const server = await startLocalServer({
    port: 0,
    dashboardHost: 'localhost',
    storageOrigin,
    authorizers: { studio: async () => null, client: async () => null },
    mailbox: { list: async () => [] },
    originSecret,
  });
  servers.push(server);
  const address = server.address();
  return new Browser(typeof address === 'object' && address ? address.port : 0);
}

const waitForCache = () => new Promise((r) => setTimeout(r, 1_100));

beforeAll(async () => {
  secrets = await startLocalSecrets();
  // What CDK sets on every route's function (infra/features/feature-routes.ts).
  process.env.ORIGIN_SECRET_ID = secrets.create(NAME, FIRST);
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
  process.env.ORIGIN_SECRET_CACHE_SECONDS = '1';
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  await secrets?.stop();
  for (const key of ['ORIGIN_SECRET_ID', 'AWS_ENDPOINT_URL_SECRETS_MANAGER', 'ORIGIN_SECRET_CACHE_SECONDS']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('an API that only answers CloudFront', () => {
  it('refuses a direct call with 403 direct_access, before anything else', async () => {
    const direct = await frontDoor();
    const health = await direct.get(DASHBOARD, '/api/health');
    expect(health.status).toBe(403);
    expect(health.body).toMatchObject({ error: 'direct_access' });

    // Any host a direct caller claims, and a body that would be a 400: still the same 403.
    const claimed = await direct.call(DASHBOARD, 'POST', '/api/studio/session', {
      body: '{not json',
      headers: { 'content-type': 'application/json', 'x-portico-host': portal(DEMO.studio.slug) },
    });
    expect(claimed.status).toBe(403);
    expect(claimed.body).toMatchObject({ error: 'direct_access' });

    // A guessed header is no better than none.
    const guessed = await direct.call(DASHBOARD, 'GET', '/api/health', { headers: { [ORIGIN_SECRET_HEADER]: 'guess' } });
    expect(guessed.status).toBe(403);
    expect(guessed.body).toMatchObject({ error: 'direct_access' });
  });

  it('answers a request that came through CloudFront', async () => {
    const edge = await frontDoor(FIRST);
    const health = await edge.get(DASHBOARD, '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    // Past the origin check, the input is checked as before.
    const bad = await edge.call(DASHBOARD, 'POST', '/api/studio/session', {
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    // CloudFront overwrites a viewer's own copy of the header, as the local front door does.
    const overwritten = await edge.call(DASHBOARD, 'GET', '/api/health', { headers: { [ORIGIN_SECRET_HEADER]: 'guess' } });
    expect(overwritten.status).toBe(200);
  });

  it('keeps answering CloudFront across a rotation: the current and the previous value pass, older ones do not', async () => {
    const first = await frontDoor(FIRST);
    const second = await frontDoor(SECOND);
    const third = await frontDoor(THIRD);
    expect((await first.get(DASHBOARD, '/api/health')).status).toBe(200);
    expect((await second.get(DASHBOARD, '/api/health')).status).toBe(403);

    // Rotated: CloudFront's edge locations still send FIRST while the distribution takes SECOND.
    secrets.put(NAME, SECOND);
    await waitForCache();
    expect((await first.get(DASHBOARD, '/api/health')).status).toBe(200);
    expect((await second.get(DASHBOARD, '/api/health')).status).toBe(200);
    expect((await third.get(DASHBOARD, '/api/health')).status).toBe(403);

    // Rotated again: FIRST is two versions old and no longer passes.
    secrets.put(NAME, THIRD);
    await waitForCache();
    expect((await first.get(DASHBOARD, '/api/health')).status).toBe(403);
    expect((await second.get(DASHBOARD, '/api/health')).status).toBe(200);
    expect((await third.get(DASHBOARD, '/api/health')).status).toBe(200);
    expect(secrets.reads.AWSPREVIOUS).toBeGreaterThan(0);
  });
});
