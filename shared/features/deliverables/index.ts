// What other features may use of deliverables: import it from here, never from its files.
import type { ReviewRequestRecord } from './records.ts';

export * from './constants.ts';
export { queryOpenReviews as openReviewsOf, queryProjectDeliverables as projectDeliverables } from './data.ts';
export { records } from './records.ts';

/** A review waiting on a client, as their portal home lists it (soonest due first, on GSI1). */
export type WaitingReview = ReviewRequestRecord;

/**
 * The review requests among the items of a client's GSI1 partition (the portal home's one Query
 * of CLIENT#<clientId>), in the index's order: soonest due first, those without a date last.
 */
export function waitingReviewsOf(items: Record<string, unknown>[]): WaitingReview[] {
  return items
    .filter((i) => i.type === 'reviewRequest')
    .map((i) => ({
      studioId: i.studioId as string,
      projectId: i.projectId as string,
      projectTitle: i.projectTitle as string,
      deliverableId: i.deliverableId as string,
      title: i.title as string,
      version: i.version as number,
      dueDate: (i.dueDate as string | null) ?? null,
      sentAt: i.sentAt as string,
      clientId: i.clientId as string,
    }));
}
