import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../local/api-gateway.ts';
import { objectEventList } from '../../shared/events.ts';
import { routeList, routes } from '../../shared/routes.ts';
import { scheduleList } from '../../shared/schedules.ts';
import { socketRouteList } from '../../shared/sockets.ts';

describe('the route table', () => {
  it('has unique ids and unique method + path pairs under /api/', () => {
    expect(new Set(routeList.map((r) => r.id)).size).toBe(routeList.length);
    expect(new Set(routeList.map((r) => `${r.method} ${r.path}`)).size).toBe(routeList.length);
    for (const r of routeList) expect(r.path).toMatch(/^\/api\//);
  });

  it('names a handler file for every route, and a route for every handler file', async () => {
    for (const r of routeList) {
      const file = new URL(`../../functions/${r.feature}/${r.id}.ts`, import.meta.url);
      expect(existsSync(file), `functions/${r.feature}/${r.id}.ts`).toBe(true);
      const mod = await import(`../../functions/${r.feature}/${r.id}.ts`);
      expect(typeof mod.handler).toBe('function');
    }
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('../../functions/', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    // Beside the table: the edge stack's custom-domain tenants function (infra/stacks/edge-stack.ts)
    // and the seal key's deploy-time generator (infra/features/seal-key.ts).
    const edgeFunctions = ['domains/cdnTenants.ts', 'releases/generateSealKey.ts'];
    const expected = [...routeList, ...objectEventList, ...scheduleList, ...socketRouteList]
      .map((r) => `${r.feature}/${r.id}.ts`)
      .concat(edgeFunctions);
    expect(files.sort()).toEqual(expected.sort());
  });

  it('keeps each route in the folder of its feature, which lists it', async () => {
    for (const r of routeList) {
      const feature = await import(`../../shared/features/${r.feature}/routes.ts`);
      expect(feature.routes[r.id], `${r.id} in shared/features/${r.feature}/routes.ts`).toBe(r);
    }
  });

  it('gives every route that takes a body a schema, and grants only what it declares', () => {
    for (const r of routeList) {
      if (r.method === 'POST' && r.body === undefined)
        expect(
          [
            'refreshSession',
            'confirmSelection',
            'resendClientInvitation',
            'resendTeamInvitation',
            'verifyDomain',
            // Marking read is the whole request: nothing to send.
            'readStudioNote',
            'readClientNote',
            // Sending, reminding or resending a release: the release (and signer) in the path is all.
            'sendRelease',
            'remindRelease',
            'resendReleaseSigner',
            // Sending an invoice, or opening Checkout for what is due on it: the invoice in the path is all.
            'sendInvoice',
            'startCheckout',
            // Stripe's webhook: the handler reads the raw body itself (its signature is over the exact bytes).
            'receiveStripeWebhook',
          ],
          r.id,
        ).toContain(r.id);
      expect(new Set(r.grants).size).toBe(r.grants.length);
    }
    expect(routes.getHealth.grants).toEqual([]);
  });

  it('grants the table to every handler that may resolve a host or a session (IAM is not enforced locally)', () => {
    for (const r of routeList) {
      const source = readFileSync(new URL(`../../functions/${r.feature}/${r.id}.ts`, import.meta.url), 'utf8');
      // definePublicHandler resolves no tenant and no caller; every other handler may read the table.
      if (source.includes('definePublicHandler(')) continue;
      expect(
        r.grants.some((g) => g.startsWith('table:')),
        `${r.id} needs table:read`,
      ).toBe(true);
    }
  });

  it('is what the local API gateway matches', () => {
    for (const r of routeList) {
      const path = r.path.replace(/\{(\w+)\}/g, 'abc123');
      const match = matchRoute(r.method, path);
      expect(match !== null && match !== 'method_not_allowed' && match.route.id).toBe(r.id);
    }
    expect(matchRoute('GET', '/api/nothing-here')).toBeNull();
    expect(matchRoute('PATCH', '/api/health')).toBe('method_not_allowed');
  });
});

describe('the README', () => {
  it('lists every route of the route table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const r of routeList) expect(readme, `${r.method} ${r.path}`).toContain(`| ${r.method} | \`${r.path}\` |`);
  });
});
