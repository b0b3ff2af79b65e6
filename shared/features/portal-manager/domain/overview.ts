// The Portal Manager's overview: what waits on the studio (submissions) and on clients
// (invitations not yet accepted, deliverables to review, releases to sign).
import { clientStatus, listClients, summarize } from '../../clients/index.ts';
import { openReviewsOf } from '../../deliverables/index.ts';
import { studioGalleryRecords } from '../../galleries/index.ts';
import { recentSubmissions } from '../../proofing/index.ts';
import { releasesWaitingOn } from '../../releases/index.ts';
import type { Studio } from '../../studios/index.ts';
import { OVERVIEW_BOUNDS } from '../constants.ts';
import type { PortalOverview } from '../schemas.ts';

export async function portalOverview(studio: Studio): Promise<PortalOverview> {
  const [clients, galleries, reviews, releases] = await Promise.all([
    listClients(studio.studioId, { limit: OVERVIEW_BOUNDS.clients }),
    studioGalleryRecords(studio.studioId, OVERVIEW_BOUNDS.galleries),
    openReviewsOf(studio.studioId, OVERVIEW_BOUNDS.reviews),
    releasesWaitingOn(studio.studioId, OVERVIEW_BOUNDS.releases),
  ]);
  const names = new Map(clients.items.map((c) => [c.clientId, c.name]));
  const submissions = await recentSubmissions(
    galleries.items.map((g) => g.galleryId),
    OVERVIEW_BOUNDS.submissionsPerGallery,
    OVERVIEW_BOUNDS.submissions,
  );
  return {
    pendingInvitations: clients.items.filter((c) => clientStatus(c) === 'invited').map((c) => summarize(c)),
    submissions,
    releases,
    deliverables: reviews.items
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt))
      .map((r) => ({
        projectId: r.projectId,
        projectTitle: r.projectTitle,
        deliverableId: r.deliverableId,
        title: r.title,
        version: r.version,
        clientId: r.clientId,
        clientName: names.get(r.clientId) ?? 'A client',
        dueDate: r.dueDate,
        sentAt: r.sentAt,
      })),
    partial: clients.nextCursor !== null || galleries.nextCursor !== null || reviews.more,
  };
}
