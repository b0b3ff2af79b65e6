// Projects: the project record in its studio's partition, and the project's own partition, which
// holds a seat per client contact (the contact's portal home lists it on GSI1) and the activity feed.
// Deliverables and shared files live in the project partition too, under their own sort-key
// prefixes (their features build those keys, on `projectPartition`).
import type { FeatureRecords } from '../../data/records.ts';
import type { ActivityKind, DeliverableDownloads, ProgressMode, ProjectStatus } from './constants.ts';
import type { Milestone } from './schemas.ts';

export interface ProjectTeamEntry {
  userId: string;
  /** The team member's name when they were put on the project. */
  name: string;
  projectRole: string;
}

export interface Project {
  projectId: string;
  studioId: string;
  /** The main contact: the first of contactIds. */
  clientId: string;
  /** Every client contact who sees the project (each has a seat). */
  contactIds: string[];
  title: string;
  status: ProjectStatus;
  startDate: string | null;
  dueDate: string | null;
  summary: string;
  internalNotes: string;
  leadId: string;
  /** Who works on it, the lead first. A member sees only the projects it is on. */
  team: ProjectTeamEntry[];
  milestones: Milestone[];
  progressMode: ProgressMode;
  manualPercent: number | null;
  /** Which deliverable files its contacts may download (absent on older projects: 'approved'). */
  deliverableDownloads?: DeliverableDownloads;
  /** Derived from the milestones or the manual figure on every write (rules.percentDone). */
  percentDone: number;
  createdAt: string;
  updatedAt: string;
  /** Counts writes: each write is conditional on the one it read, so two editors never lose one. */
  revision: number;
}

/** What one contact's portal home shows of a project, written with every change of the project. */
export interface ProjectSeat {
  projectId: string;
  studioId: string;
  clientId: string;
  title: string;
  status: ProjectStatus;
  startDate: string | null;
  dueDate: string | null;
  percentDone: number;
  nextMilestone: { title: string; dueDate: string | null } | null;
}

export interface ActivityRecord {
  activityId: string;
  projectId: string;
  kind: ActivityKind;
  /** Written for the client ("Logo concepts v2 sent for review"). */
  text: string;
  at: string;
}

/** Sorts newest first in key order: milliseconds counted down from the year 2286. */
const newestFirst = (at: string) => String(9_999_999_999_999 - Date.parse(at)).padStart(13, '0');

export const keys = {
  project: (studioId: string, projectId: string) => ({ PK: `STUDIO#${studioId}`, SK: `PROJECT#${projectId}` }),
  studioProjects: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'PROJECT#' }),
  /** The project's own partition: seats, activity, deliverables, files. */
  projectPartition: (projectId: string) => `PROJECT#${projectId}`,
  seat: (projectId: string, clientId: string) => ({ PK: `PROJECT#${projectId}`, SK: `SEAT#${clientId}` }),
  seatIndex: (clientId: string, projectId: string) => ({ GSI1PK: `CLIENT#${clientId}`, GSI1SK: `PROJECT#${projectId}` }),
  activity: (projectId: string, at: string, activityId: string) => ({
    PK: `PROJECT#${projectId}`,
    SK: `ACTIVITY#${newestFirst(at)}#${activityId}`,
  }),
  projectActivity: (projectId: string) => ({ PK: `PROJECT#${projectId}`, SKPrefix: 'ACTIVITY#' }),
  /**
   * A client's GSI1 partition, whole: their galleries (GALLERY#), project seats (PROJECT#) and what
   * waits on them (REVIEW#): the portal home reads it in one Query.
   */
  clientIndex: (clientId: string) => ({ GSI1PK: `CLIENT#${clientId}` }),
} as const;

export const records: FeatureRecords = {
  feature: 'projects',
  rows: [
    { record: 'Project', PK: 'STUDIO#<studioId>', SK: 'PROJECT#<projectId>' },
    {
      record: 'Project seat (one per client contact)',
      PK: 'PROJECT#<projectId>',
      SK: 'SEAT#<clientId>',
      GSI1PK: 'CLIENT#<clientId>',
      GSI1SK: 'PROJECT#<projectId>',
    },
    { record: 'Project activity', PK: 'PROJECT#<projectId>', SK: 'ACTIVITY#<13-digit countdown of ms>#<activityId>' },
  ],
  accessPatterns: [
    "A studio's projects: Query PK=STUDIO#<studioId>, SK begins_with PROJECT#, paged (a member's page keeps only the projects it is on).",
    'A project (studio or client view): GetItem STUDIO#<studioId>/PROJECT#<projectId>; a client must be one of its contactIds, a member on its team (checked once, in the tenancy step, for every route naming {projectId}).',
    'Create or change a project: one transaction puts the project (on condition its revision is the one read) and every contact’s seat, deletes the seats of contacts taken off, and adds activity entries.',
    "The client's recent activity: Query PK=PROJECT#<projectId>, SK begins_with ACTIVITY#, newest first, 20.",
    "The portal home: one Query of GSI1 GSI1PK=CLIENT#<clientId> (galleries, project seats, review requests), then one BatchGetItem of the client's selections in the galleries open for proofing: 2 requests, whatever the number of projects.",
    'Project titles for a page of galleries: one BatchGetItem of STUDIO#<studioId>/PROJECT#<projectId>.',
  ],
};
