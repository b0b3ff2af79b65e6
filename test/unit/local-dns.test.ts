// The local DNS stand-in speaks the real protocol: node:dns, as the custom-domain check uses it,
// gets the CNAME it holds, and NXDOMAIN (no record) for anything else.
import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDns, startLocalDns } from '../../local/services/dns.ts';

describe('the local DNS stand-in', () => {
  let dns: LocalDns;
  let resolver: Resolver;
  beforeAll(async () => {
    dns = await startLocalDns();
    resolver = new Resolver({ timeout: 1_000, tries: 1 });
    resolver.setServers([`127.0.0.1:${dns.port}`]);
  });
  afterAll(() => dns.stop());

  it('answers the CNAME it holds, in any case, and forgets a removed one', async () => {
    dns.set('Portal.TheirStudio.localhost.', 'd-1.domains.localhost');
    expect(await resolver.resolveCname('portal.theirstudio.localhost')).toEqual(['d-1.domains.localhost']);
    expect(await resolver.resolveCname('PORTAL.theirstudio.localhost')).toEqual(['d-1.domains.localhost']);
    dns.set('portal.theirstudio.localhost', undefined);
    await expect(resolver.resolveCname('portal.theirstudio.localhost')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('says no such name for anything else', async () => {
    await expect(resolver.resolveCname('nothing.example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
