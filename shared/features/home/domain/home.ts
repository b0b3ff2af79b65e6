// The portal home, "what's waiting for you": one Query of the client's GSI1 partition finds their
// galleries, project seats and review requests; one BatchGetItem finds which galleries open for
// proofing they have confirmed. Two requests, whatever the number of projects.
import type { Client } from '../../clients/index.ts';
import { today } from '../../clients/index.ts';
import { waitingReviewsOf } from '../../deliverables/index.ts';
import { batchGetSelections, clientGalleryOf, type Gallery, rulesOf } from '../../galleries/index.ts';
import type { ProjectSeat } from '../../projects/index.ts';
import { waitingReleasesOf } from '../../releases/index.ts';
import type { Studio } from '../../studios/index.ts';
import { queryClientIndex } from '../data.ts';
import type { PortalHome } from '../schemas.ts';
import { byDueDate, isProofable } from './rules.ts';

/** What one home reads at most: a client with more sees the first ones and `partial`. */
export const HOME_ITEMS = 500;

type Item = Record<string, unknown> & { type?: string; studioId?: string };

export async function portalHome(studio: Studio, client: Client): Promise<PortalHome> {
  const { items, more } = await queryClientIndex(client.clientId, HOME_ITEMS);
  // The client id is unique, but a record of another studio must never leak through it.
  const ours = (items as Item[]).filter((i) => i.studioId === studio.studioId);
  const galleries = ours.filter((i) => i.type === 'gallery').map((i) => i as unknown as Gallery);
  const seats = ours.filter((i) => i.type === 'projectSeat').map((i) => i as unknown as ProjectSeat);

  // A review request of a project the client no longer sees waits on nobody.
  const seated = new Set(seats.map((s) => s.projectId));
  const reviews = waitingReviewsOf(ours).filter((r) => seated.has(r.projectId));

  const now = today();
  const open = galleries.filter((g) => isProofable(g, rulesOf(g).selection.enabled, now));
  const selections = open.length ? await batchGetSelections(open.slice(0, 100)) : new Map();
  const titles = new Map(seats.map((s) => [s.projectId, s.title]));
  const viewOf = (g: Gallery) => clientGalleryOf(g, g.projectId ? (titles.get(g.projectId) ?? null) : null, now);
  const sorted = galleries.sort((a, b) => (b.shootDate ?? '').localeCompare(a.shootDate ?? ''));
  return {
    waiting: {
      reviews: reviews.map(({ projectId, projectTitle, deliverableId, title, version, dueDate, sentAt }) => ({
        projectId,
        projectTitle,
        deliverableId,
        title,
        version,
        dueDate,
        sentAt,
      })),
      releases: waitingReleasesOf(ours).map(({ releaseId, title, kind, deadline, sentAt }) => ({
        releaseId,
        title,
        kind,
        deadline,
        sentAt,
      })),
      proofing: await Promise.all(open.filter((g) => !selections.get(g.galleryId)?.confirmedAt).map(viewOf)),
    },
    projects: seats.sort(byDueDate).map((s) => ({
      projectId: s.projectId,
      title: s.title,
      status: s.status,
      startDate: s.startDate,
      dueDate: s.dueDate,
      percentDone: s.percentDone,
      nextMilestone: s.nextMilestone,
    })),
    galleries: await Promise.all(sorted.map(viewOf)),
    partial: more,
  };
}
