// How much the Portal Manager's overview reads. No zod here: the site imports this module.

/**
 * The overview is a dashboard glance, not a report: it reads one bounded page of clients and of
 * galleries (and one of submissions in each of those galleries), so it costs the same for a studio
 * of ten clients as of ten thousand. `partial` in its answer says when there was more to read.
 */
export const OVERVIEW_BOUNDS = {
  clients: 100,
  galleries: 50,
  submissionsPerGallery: 20,
  submissions: 20,
  reviews: 50,
  releases: 50,
} as const;
