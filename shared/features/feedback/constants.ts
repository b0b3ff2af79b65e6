// Feedback's limits the site checks before it sends (the API stays the judge). No zod: the site imports this.

/** The longest feedback message, in characters. */
export const FEEDBACK_MAX = 2000;

/** What a client may say a project's feedback is about (optional). */
export const FEEDBACK_CATEGORIES = ['design', 'copy', 'technical', 'billing', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  design: 'Design',
  copy: 'Copy',
  technical: 'Technical',
  billing: 'Billing',
  other: 'Other',
};

/**
 * A project feedback task's triage states. `snoozed` comes back as `new` once its date has come
 * (computed whenever it is read: nothing has to wake it).
 */
export const TASK_STATES = ['new', 'accepted', 'declined', 'duplicate', 'snoozed', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  new: 'New',
  accepted: 'Accepted',
  declined: 'Declined',
  duplicate: 'Duplicate',
  snoozed: 'Snoozed',
  done: 'Done',
};
/** Where each state may go (rules.assertTransition holds writes to it; the site offers only these). Reopening: done → accepted, declined or duplicate → new. */
export const TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  new: ['accepted', 'declined', 'duplicate', 'snoozed'],
  snoozed: ['new', 'accepted', 'declined', 'duplicate', 'snoozed'],
  accepted: ['done', 'new', 'declined'],
  done: ['accepted'],
  declined: ['new'],
  duplicate: ['new'],
};

/** States that close a task: it leaves its assignee's inbox. */
export const CLOSED_STATES: readonly TaskState[] = ['done', 'declined', 'duplicate'];

export const TASK_LIMITS = {
  subjectMax: 120,
  reasonMax: 1000,
  noteMax: 2000,
  /** Internal notes one task keeps (they live in the task's item). */
  notesPerTask: 50,
} as const;

/** Files a client may attach to one feedback item: a few screenshots or documents, each one PUT. */
export const ATTACHMENT_LIMITS = { perFeedback: 5, maxBytes: 16 * 1024 * 1024 } as const;
