// Feedback a client sends the studio from the portal (the Feedback module, Growth and up). It lives
// in the studio's partition, newest first: the studio reads it as an inbox.
// Since issue 12 a client also gives feedback on one project: a task in the project's partition,
// triaged by the team, and while open it has a sparse GSI1 entry in its assignee's inbox.
import type { FeatureRecords } from '../../data/records.ts';
import type { FeedbackCategory, TaskState } from './constants.ts';

export interface FeedbackRecord {
  feedbackId: string;
  studioId: string;
  clientId: string;
  clientName: string;
  message: string;
  createdAt: string;
}

export interface TaskNote {
  noteId: string;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

export interface TaskAttachment {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A client's feedback on a project, as the team triages it. `notes` are the team's own: never sent to a client. */
export interface TaskRecord {
  feedbackId: string;
  projectId: string;
  studioId: string;
  submittedBy: { clientId: string; name: string };
  subject: string;
  message: string;
  category: FeedbackCategory | null;
  /** Checked against the bucket when the feedback was sent (objects.feedbackAttachment). Absent on none. */
  attachments?: TaskAttachment[];
  /** As stored; a snoozed task past its date reads as new (rules.effectiveState). */
  state: TaskState;
  declineReason: string | null;
  duplicateOf: { feedbackId: string; subject: string } | null;
  snoozedUntil: string | null;
  assignee: { userId: string; name: string };
  dueDate: string | null;
  notes: TaskNote[];
  createdAt: string;
  updatedAt: string;
  /** Counts triage writes: each is conditional on the one it read (409 changed otherwise). */
  revision: number;
}

/** Far-future stand-in so tasks without a due date sort last in an inbox. */
const NO_DUE_DATE = '9999-12-31';

/** Sorts newest first in key order: milliseconds counted down from the year 2286. */
const newestFirst = (createdAt: string) => String(9_999_999_999_999 - Date.parse(createdAt)).padStart(13, '0');

export const keys = {
  feedback: (studioId: string, createdAt: string, feedbackId: string) => ({
    PK: `STUDIO#${studioId}`,
    SK: `FEEDBACK#${newestFirst(createdAt)}#${feedbackId}`,
  }),
  feedbackOfStudio: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'FEEDBACK#' }),
  task: (projectId: string, feedbackId: string) => ({ PK: `PROJECT#${projectId}`, SK: `TASK#${feedbackId}` }),
  projectTasks: (projectId: string) => ({ PK: `PROJECT#${projectId}`, SKPrefix: 'TASK#' }),
  /** The open task's entry in its assignee's inbox: soonest due first, then oldest. */
  inboxEntry: (studioId: string, userId: string, dueDate: string | null, createdAt: string, feedbackId: string) => ({
    GSI1PK: `INBOX#${studioId}#${userId}`,
    GSI1SK: `TASK#${dueDate ?? NO_DUE_DATE}#${createdAt}#${feedbackId}`,
  }),
  inbox: (studioId: string, userId: string) => ({ GSI1PK: `INBOX#${studioId}#${userId}`, GSI1SKPrefix: 'TASK#' }),
} as const;

export const records: FeatureRecords = {
  feature: 'feedback',
  rows: [
    { record: 'Client feedback', PK: 'STUDIO#<studioId>', SK: 'FEEDBACK#<13-digit countdown of ms>#<feedbackId>' },
    {
      record: 'Project feedback task (GSI1 only while open)',
      PK: 'PROJECT#<projectId>',
      SK: 'TASK#<feedbackId>',
      GSI1PK: 'INBOX#<studioId>#<assignee userId>',
      GSI1SK: 'TASK#<dueDate or 9999-12-31>#<createdAt>#<feedbackId>',
    },
  ],
  accessPatterns: [
    "A studio's feedback inbox, newest first: Query PK = STUDIO#<studioId>, SK begins_with FEEDBACK#, paged.",
    "A project's Feedback tab (team: every task; a client: their own): Query PK=PROJECT#<projectId>, SK begins_with TASK#, sorted newest first in memory, filtered by state.",
    'One task (triage, notes, a duplicate pointer): GetItem PROJECT#<projectId>/TASK#<feedbackId>; each triage write is conditional on the revision read.',
    "A member's inbox of open tasks across projects: Query GSI1 GSI1PK=INBOX#<studioId>#<userId>, soonest due first (sparse: done, declined and duplicate tasks drop their GSI1 keys), then one BatchGetItem of the projects' titles.",
  ],
};
