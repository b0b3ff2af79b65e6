// Deliverables' states, decisions and limits, zod-free so the site may import them too.

/**
 * Where a deliverable stands: no round open yet (or the last one superseded by a new version), a
 * round open on its latest version, or the last round's result. `approved` locks it for good.
 */
export const DELIVERABLE_STATES = ['draft', 'in_review', 'changes_requested', 'approved_with_changes', 'approved'] as const;
export type DeliverableState = (typeof DELIVERABLE_STATES)[number];

export const DELIVERABLE_STATE_LABELS: Record<DeliverableState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved_with_changes: 'Approved with changes',
  approved: 'Approved',
};

/** What one reviewer decides on one version. */
export const DECISIONS = ['approve', 'approve_with_changes', 'request_changes'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  approve: 'Approved',
  approve_with_changes: 'Approved with changes',
  request_changes: 'Requested changes',
};

/** How a version's round ended: the worst decision, or a newer version took its place. */
export const ROUND_RESULTS = ['approved', 'approved_with_changes', 'changes_requested', 'superseded'] as const;
export type RoundResult = (typeof ROUND_RESULTS)[number];

/** A version's file: ticketed, handed to the preview pipeline, previewed (or not), or refused. */
export const VERSION_STATUSES = ['uploading', 'processing', 'ready', 'failed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const DELIVERABLE_LIMITS = {
  title: 120,
  description: 2000,
  /** A version's message to the reviewers, and a decision's note. */
  message: 2000,
  comment: 2000,
  /** Versions of one deliverable (the key holds four digits). */
  versions: 9999,
  /** Comments (with replies) on one version. */
  commentsPerVersion: 500,
  /** Deliverables of one project. */
  perProject: 200,
  /** Days back the reminder digest looks for overdue reviews. */
  reminderLookbackDays: 14,
} as const;
