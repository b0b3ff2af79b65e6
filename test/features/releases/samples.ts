// Sample bodies and queries of releases' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import { CONSENT } from '../../../shared/features/releases/constants.ts';
import type { routes } from '../../../shared/features/releases/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

const typed = { kind: 'typed', text: 'Ava Client' } as const;
const aHash = 'a'.repeat(64);

export const bodies: SampleBodies<typeof routes> = {
  createReleaseTemplate: () => ({
    format: 'text',
    name: 'Model release',
    kind: 'release',
    source: '# Release\n\nI, {{client.name}}, agree.\n\n[[sign:1]]',
  }),
  updateReleaseTemplate: () => ({ name: 'Model release, second edition' }),
  startTemplatePdfUpload: () => ({ size: 1024 }),
  createRelease: (c) => ({ templateId: c.templateId, title: 'Model release', signers: [{ clientId: c.clientId }] }),
  voidRelease: () => ({ reason: 'The shoot moved.' }),
  countersignRelease: () => ({ documentHash: aHash, signature: typed, consentVersion: CONSENT.version }),
  recordClientReleaseStep: () => ({ step: 'consent_accepted', consentVersion: CONSENT.version }),
  signClientRelease: () => ({ documentHash: aHash, signature: typed }),
  declineClientRelease: () => ({ reason: 'Not these terms.' }),
  openSigningLink: (c) => ({ token: c.signingToken }),
  recordLinkReleaseStep: (c) => ({ token: c.signingToken, step: { step: 'consent_accepted', consentVersion: CONSENT.version } }),
  signByLink: (c) => ({ token: c.signingToken, documentHash: aHash, signature: typed }),
  declineByLink: (c) => ({ token: c.signingToken, reason: 'Not these terms.' }),
  verifyDocument: () => ({ hash: 'b'.repeat(64) }),
};

export const queries: SampleQueries<typeof routes> = {
  listReleases: () => ({ limit: '2' }),
};
