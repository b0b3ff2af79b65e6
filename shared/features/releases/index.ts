// What other features may use of releases: import it from here, never from its files.
export * from './constants.ts';
export { assertReleasesSigned } from './domain/gate.ts';
// The typesetting of release PDFs (embedded DejaVu and Noto Emoji, fallback per character, bidi),
// which invoice PDFs reuse so both documents draw any user text the same way.
export { type TextOptions, Typesetter, unsupportedCharacters } from './pdf/typeset.ts';
export { records } from './records.ts';

import { today } from '../clients/index.ts';
import { listStudioReleases } from './data.ts';
import { isSignableState, viewState } from './domain/rules.ts';
import type { SignerPointer } from './records.ts';

/**
 * The releases waiting on a client among the items of their GSI1 partition (the portal home's one
 * Query of CLIENT#<clientId>): open, not yet signed or declined by them; soonest deadline first.
 */
export function waitingReleasesOf(items: Record<string, unknown>[]): SignerPointer[] {
  const now = today();
  return items
    .filter((i) => i.type === 'releaseSigner')
    .map((i) => i as unknown as SignerPointer)
    .filter((p) => p.open && (p.myState === 'pending' || p.myState === 'viewed') && (p.deadline === null || p.deadline >= now))
    .sort((a, b) => (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31'));
}

/**
 * The studio's sent releases still waiting on a signer, among its newest `limit` (the Portal
 * Manager's overview; one Query of GSI1 RELEASES#<studioId>), oldest sent first.
 */
export async function releasesWaitingOn(studioId: string, limit: number) {
  const { items } = await listStudioReleases(studioId, { limit });
  const now = today();
  return items
    .filter((r) => isSignableState(viewState(r, now)))
    .map((r) => ({
      releaseId: r.releaseId,
      title: r.title,
      deadline: r.deadline,
      sentAt: r.sentAt ?? r.createdAt,
      waitingOn: r.signers.filter((x) => x.state === 'pending' || x.state === 'viewed').map((x) => x.name),
    }))
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}
