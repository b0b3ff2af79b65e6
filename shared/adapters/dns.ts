// DNS lookups: the CNAME records of a studio's custom domain. A real resolver over the DNS protocol
// in every environment; DNS_SERVERS points it at other servers (locally, the stand-in DNS server of
// local/services/dns.ts, which the tests and `/_dev/dns` fill in).
import { Resolver } from 'node:dns/promises';
import { config } from '../config.ts';

export interface DnsLookup {
  /** The host's CNAME targets, lowercase without the trailing dot; none when it has no CNAME. */
  cnames(host: string): Promise<string[]>;
}

/** Answers that mean "no such record", not "DNS is broken". */
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND', 'ENONAME', 'NXDOMAIN']);

let resolver: Resolver | undefined;

export const dns: DnsLookup = {
  async cnames(host) {
    if (!resolver) {
      // A short timeout and few tries: the status check answers while the owner waits.
      resolver = new Resolver({ timeout: 2_000, tries: 2 });
      if (config.dnsServers.length) resolver.setServers(config.dnsServers);
    }
    try {
      return (await resolver.resolveCname(host)).map((n) => n.toLowerCase().replace(/\.$/, ''));
    } catch (e) {
      if (NO_RECORD.has((e as { code?: string }).code ?? '')) return [];
      throw e;
    }
  },
};
