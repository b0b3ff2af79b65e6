// Projects' constants, zod-free so the site may import them too.

export const PROJECT_STATUSES = ['planning', 'in_progress', 'in_review', 'on_hold', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planning: 'Planning',
  in_progress: 'In progress',
  in_review: 'In review',
  on_hold: 'On hold',
  done: 'Done',
};

/** Whether % done comes from the milestones (weighted) or is set by hand. */
export const PROGRESS_MODES = ['milestones', 'manual'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/**
 * What the client's activity feed records. Only these reach a client: internal notes and task
 * details never become activity.
 */
export const ACTIVITY_KINDS = [
  'project_started',
  'status_changed',
  'milestone_done',
  'deliverable_sent',
  'deliverable_approved',
  'deliverable_approved_with_changes',
  'changes_requested',
  'file_shared',
  'file_uploaded',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const PROJECT_LIMITS = {
  /** Client contacts who see one project: each has a seat row written with the project. */
  contacts: 10,
  team: 20,
  milestones: 50,
  /** The client's "recent activity": the newest this many entries. */
  recentActivity: 20,
} as const;

/**
 * Which deliverable files a client may download: only approved versions (the default: review
 * happens on previews), any version sent for review, or none (the studio delivers otherwise).
 */
export const DELIVERABLE_DOWNLOADS = ['approved', 'any', 'none'] as const;
export type DeliverableDownloads = (typeof DELIVERABLE_DOWNLOADS)[number];
