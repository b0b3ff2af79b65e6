// A studio's custom domain. The claim is the studios feature's `DOMAIN#<host>` record (tenancy by
// host reads it), holding this feature's state of the domain; the studio record names its one host.
import type { FeatureRecords } from '../../data/records.ts';
import { keys as studioKeys } from '../studios/index.ts';
import type { DomainStatus } from './constants.ts';

export interface DomainClaim {
  host: string;
  studioId: string;
  status: DomainStatus;
  /** This claim's own CNAME target: only its studio can make the host's DNS name it. */
  cnameTarget: string;
  claimedAt: string;
  checkedAt: string | null;
  activeAt: string | null;
  /** The CDN's distribution tenant serving the host, once created. */
  tenantId: string | null;
  /** Why it waits or failed, in words the owner can act on. */
  reason: string | null;
}

export const keys = {
  claim: (host: string) => studioKeys.domain(host),
  studio: (studioId: string) => studioKeys.studio(studioId),
} as const;

export const records: FeatureRecords = {
  feature: 'domains',
  rows: [],
  accessPatterns: [
    "The studio's custom domain: `customDomain` on STUDIO#<id> (already read by the session), then GetItem DOMAIN#<host>.",
    'Claim a host: one transaction puts DOMAIN#<host> on condition it does not exist (or failed, or waited past DOMAIN_PENDING_HOURS) and sets `customDomain` on STUDIO#<id> on condition it has none.',
    'Advance a claim: UpdateItem DOMAIN#<host> on condition its studio and status are still the ones read.',
    'Remove it: one transaction deletes DOMAIN#<host> (its studio only) and removes `customDomain` from STUDIO#<id>.',
  ],
};
