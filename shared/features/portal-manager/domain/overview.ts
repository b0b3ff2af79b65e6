// The Portal Manager's overview: what waits on the studio (submissions) and on clients
// (invitations not yet accepted; releases and deliverables once those features exist).
import { clientStatus, listClients, summarize } from '../../clients/index.ts';
import { studioGalleryRecords } from '../../galleries/index.ts';
import { recentSubmissions } from '../../proofing/index.ts';
import type { Studio } from '../../studios/index.ts';
import { OVERVIEW_BOUNDS } from '../constants.ts';
import type { PortalOverview } from '../schemas.ts';

export async function portalOverview(studio: Studio): Promise<PortalOverview> {
  const [clients, galleries] = await Promise.all([
    listClients(studio.studioId, { limit: OVERVIEW_BOUNDS.clients }),
    studioGalleryRecords(studio.studioId, OVERVIEW_BOUNDS.galleries),
  ]);
  const submissions = await recentSubmissions(
    galleries.items.map((g) => g.galleryId),
    OVERVIEW_BOUNDS.submissionsPerGallery,
    OVERVIEW_BOUNDS.submissions,
  );
  return {
    pendingInvitations: clients.items.filter((c) => clientStatus(c) === 'invited').map((c) => summarize(c)),
    submissions,
    // Empty until the releases and deliverables features write their records: the slots are the page's.
    releases: [],
    deliverables: [],
    partial: clients.nextCursor !== null || galleries.nextCursor !== null,
  };
}
