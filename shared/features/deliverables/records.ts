// Deliverables: a deliverable and everything of it (versions, decisions, comments) in the project's
// partition under DELIVERABLE#<deliverableId>, so one Query reads a whole deliverable; a review
// request per reviewer waiting on a version (the client's portal home lists them on GSI1); and the
// reminder digest's index by due date, with a once-a-day claim per reviewer.

import type { FeatureRecords } from '../../data/records.ts';
import type { PersonKey } from '../people/index.ts';
import type { Preview } from '../previews/index.ts';
import { keys as projectKeys } from '../projects/index.ts';
import type { Decision, DeliverableState, RoundResult, VersionStatus } from './constants.ts';
import type { Pin } from './schemas.ts';

export interface DeliverableRecord {
  deliverableId: string;
  projectId: string;
  studioId: string;
  title: string;
  description: string;
  dueDate: string | null;
  state: DeliverableState;
  /** The newest version (0: none yet). */
  latestVersion: number;
  /** The newest version sent for review (0: none): what a client sees up to. */
  sentVersion: number;
  /** Set when a version is approved: nothing of it changes any more. */
  lockedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Counts writes: every write is conditional on the one it read (decisions, new versions, edits). */
  revision: number;
}

export interface Reviewer {
  clientId: string;
  name: string;
}

export interface VersionRecord {
  deliverableId: string;
  projectId: string;
  studioId: string;
  version: number;
  file: { key: string; fileName: string; contentType: string; size: number };
  /** A large file's multipart upload, until it is completed. */
  multipartUploadId: string | null;
  status: VersionStatus;
  failureReason: string | null;
  preview: Preview | null;
  createdAt: string;
  sentAt: string | null;
  /** The round's due date and the studio's message to the reviewers. */
  dueDate: string | null;
  message: string | null;
  /** Who reviews this round (the project's contacts when it was sent, or those the studio chose). */
  reviewers: Reviewer[];
  /** Each reviewer's decision so far, written with the decision record (the round's result reads it). */
  decided: Record<string, Decision>;
  result: RoundResult | null;
  lockedAt: string | null;
}

export interface DecisionRecord {
  deliverableId: string;
  projectId: string;
  version: number;
  clientId: string;
  name: string;
  decision: Decision;
  note: string | null;
  at: string;
}

export interface CommentRecord {
  commentId: string;
  deliverableId: string;
  projectId: string;
  version: number;
  parentId: string | null;
  pin: Pin | null;
  text: string;
  author: { kind: 'client' | 'studio'; id: string; name: string };
  /** The people it mentions, with their names when it was written (absent on older comments). */
  mentions?: { person: PersonKey; name: string }[];
  createdAt: string;
  resolvedAt: string | null;
  /** Who resolved the thread, while it is resolved (absent on older comments). */
  resolvedBy?: string | null;
}

/** What waits on one reviewer (the portal home's "to review"), one per reviewer of an open round. */
export interface ReviewRequestRecord {
  studioId: string;
  projectId: string;
  projectTitle: string;
  deliverableId: string;
  title: string;
  version: number;
  dueDate: string | null;
  sentAt: string;
  clientId: string;
}

/** Far-future stand-in so requests without a due date sort last on GSI1. */
export const NO_DUE_DATE = '9999-12-31';

const v4 = (version: number) => String(version).padStart(4, '0');
const partition = projectKeys.projectPartition;

export const keys = {
  deliverable: (projectId: string, deliverableId: string) => ({ PK: partition(projectId), SK: `DELIVERABLE#${deliverableId}` }),
  /** Everything of one deliverable: the deliverable, its versions, decisions and comments. */
  deliverableItems: (projectId: string, deliverableId: string) => ({ PK: partition(projectId), SKPrefix: `DELIVERABLE#${deliverableId}` }),
  /** Every deliverable of a project (with their items: the list keeps the deliverables). */
  projectDeliverables: (projectId: string) => ({ PK: partition(projectId), SKPrefix: 'DELIVERABLE#' }),
  version: (projectId: string, deliverableId: string, version: number) => ({
    PK: partition(projectId),
    SK: `DELIVERABLE#${deliverableId}#V#${v4(version)}`,
  }),
  decision: (projectId: string, deliverableId: string, version: number, clientId: string) => ({
    PK: partition(projectId),
    SK: `DELIVERABLE#${deliverableId}#V#${v4(version)}#D#${clientId}`,
  }),
  comment: (projectId: string, deliverableId: string, version: number, commentId: string) => ({
    PK: partition(projectId),
    SK: `DELIVERABLE#${deliverableId}#V#${v4(version)}#C#${commentId}`,
  }),
  reviewRequest: (projectId: string, deliverableId: string, clientId: string) => ({
    PK: partition(projectId),
    SK: `REVIEW#${deliverableId}#${clientId}`,
  }),
  reviewRequestIndex: (clientId: string, dueDate: string | null, deliverableId: string) => ({
    ...projectKeys.clientIndex(clientId),
    GSI1SK: `REVIEW#${dueDate ?? NO_DUE_DATE}#${deliverableId}`,
  }),
  /** The same request in its studio's partition: the Portal Manager's "waiting on clients" reads them there. */
  openReview: (studioId: string, deliverableId: string, clientId: string) => ({
    PK: `STUDIO#${studioId}`,
    SK: `REVIEWOPEN#${deliverableId}#${clientId}`,
  }),
  studioOpenReviews: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'REVIEWOPEN#' }),
  /** One entry per request with a due date, so the daily digest reads a few days, never a scan. */
  reminder: (dueDate: string, studioId: string, projectId: string, deliverableId: string, clientId: string) => ({
    PK: `REMINDER#${dueDate}`,
    SK: `REVIEW#${studioId}#${projectId}#${deliverableId}#${clientId}`,
  }),
  remindersDue: (dueDate: string) => ({ PK: `REMINDER#${dueDate}` }),
  /** A reviewer was sent the digest on this day (UTC): a rerun never mails twice. */
  reminded: (clientId: string, day: string) => ({ PK: `REMINDED#${clientId}#${day}`, SK: 'REMINDED' }),
} as const;

/** The sort-key mark of each kind of item under DELIVERABLE#<id>, as the one Query tells them apart. */
export const ITEM_MARK = { version: '#V#', decision: '#D#', comment: '#C#' } as const;

export const records: FeatureRecords = {
  feature: 'deliverables',
  rows: [
    { record: 'Deliverable', PK: 'PROJECT#<projectId>', SK: 'DELIVERABLE#<deliverableId>' },
    { record: 'Deliverable version', PK: 'PROJECT#<projectId>', SK: 'DELIVERABLE#<deliverableId>#V#<4-digit version>' },
    {
      record: 'Deliverable decision (one per reviewer per version)',
      PK: 'PROJECT#<projectId>',
      SK: 'DELIVERABLE#<deliverableId>#V#<4-digit version>#D#<clientId>',
    },
    { record: 'Deliverable comment', PK: 'PROJECT#<projectId>', SK: 'DELIVERABLE#<deliverableId>#V#<4-digit version>#C#<commentId>' },
    {
      record: 'Review request (a reviewer of an open round)',
      PK: 'PROJECT#<projectId>',
      SK: 'REVIEW#<deliverableId>#<clientId>',
      GSI1PK: 'CLIENT#<clientId>',
      GSI1SK: 'REVIEW#<dueDate or 9999-12-31>#<deliverableId>',
    },
    { record: 'Open review (a review request, by studio)', PK: 'STUDIO#<studioId>', SK: 'REVIEWOPEN#<deliverableId>#<clientId>' },
    {
      record: 'Review reminder index (a request with a due date)',
      PK: 'REMINDER#<dueDate>',
      SK: 'REVIEW#<studioId>#<projectId>#<deliverableId>#<clientId>',
    },
    { record: 'Review reminder sent (once per reviewer per day)', PK: 'REMINDED#<clientId>#<day>', SK: 'REMINDED', ttl: true },
  ],
  accessPatterns: [
    "A project's deliverables: Query PK=PROJECT#<projectId>, SK begins_with DELIVERABLE#, keeping the deliverables (their versions, decisions and comments come along: tens per deliverable).",
    'A deliverable with every version, decision and comment (studio and client views): one Query PK=PROJECT#<projectId>, SK begins_with DELIVERABLE#<deliverableId>.',
    "A new version, a send, a decision, an edit: one transaction conditional on the deliverable's revision (the one read), so a decision racing a new version, or two reviewers at once, meet one consistent state; the decision record is put on attribute_not_exists, the review requests and reminder entries are put or deleted in the same transaction.",
    'What waits on a client (portal home): the GSI1 Query of CLIENT#<clientId> the home already makes returns the review requests (GSI1SK begins_with REVIEW#, soonest due first); waitingReviewsOf picks them out.',
    'What waits on clients (Portal Manager overview): Query PK=STUDIO#<studioId>, SK begins_with REVIEWOPEN#, one bounded page (written and deleted with each review request, in the same transaction).',
    'The reminder digest: Query PK=REMINDER#<day> for each day from 14 days ago to tomorrow, then one conditional Put of REMINDED#<clientId>#<today> per reviewer before mailing them.',
  ],
};
