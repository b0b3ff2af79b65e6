// Where a request comes from, as the audit trail records it: how the caller proved who they are,
// their address (the handler's viewerIp: CloudFront's, never a header of the caller's) and browser.
import type { AuthMethod } from '../constants.ts';
import type { Presence } from '../records.ts';

export const presenceOf = (auth: AuthMethod, viewerIp: string, headers: Record<string, string | undefined>): Presence => ({
  auth,
  ip: viewerIp,
  userAgent: (headers['user-agent'] ?? '').slice(0, 400),
});
