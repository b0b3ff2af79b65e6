// How releases' states read on the pages: the names come from the shared constants, the tones and
// the signers' own words live here.
import { RELEASE_STATE_NAMES, type ReleaseState, type SignerState } from '../../../../shared/features/releases/constants.ts';
import type { BadgeTone } from '../../components/ui/Badge.tsx';

const STATE_TONES: Record<ReleaseState, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  viewed: 'info',
  partly_signed: 'accent',
  awaiting_countersign: 'warning',
  completed: 'success',
  declined: 'danger',
  expired: 'neutral',
  voided: 'neutral',
};

export const releaseState = (state: ReleaseState) => ({ label: RELEASE_STATE_NAMES[state], tone: STATE_TONES[state] });

export const SIGNER_STATE: Record<SignerState, { label: string; tone: BadgeTone }> = {
  waiting: { label: 'Waiting for their turn', tone: 'neutral' },
  pending: { label: 'Not opened yet', tone: 'info' },
  viewed: { label: 'Viewed', tone: 'accent' },
  signed: { label: 'Signed', tone: 'success' },
  declined: { label: 'Declined', tone: 'danger' },
};

/** The release id of a detail page (/releases/<uuid> on the portal, /portal-manager/releases/<uuid> on the dashboard). */
export function releaseIdFromPath(pathname: string): string | null {
  const m = /\/releases\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  return m ? (m[1] as string).toLowerCase() : null;
}

export const studioReleaseHref = (releaseId: string) => `/portal-manager/releases/${encodeURIComponent(releaseId)}`;
export const clientReleaseHref = (releaseId: string) => `/releases/${encodeURIComponent(releaseId)}`;
