// Projects' request and answer schemas, and the types inferred from them.
import * as z from 'zod/mini';
import { HeaderSafeText, Int, IntBetween, IsoDate, named, Text, Uuid } from '../../schemas.ts';
import { ACTIVITY_KINDS, DELIVERABLE_DOWNLOADS, PROGRESS_MODES, PROJECT_LIMITS, PROJECT_STATUSES } from './constants.ts';

export const ProjectParams = z.strictObject({ projectId: Uuid });
export const MilestoneParams = z.strictObject({ projectId: Uuid, milestoneId: Uuid });

const Title = HeaderSafeText(1, 120);
/** What the studio calls someone's part in the project ("Lead designer"), shown to the client. */
const ProjectRole = HeaderSafeText(1, 60);

export const TeamSeatInput = z.strictObject({ userId: Uuid, projectRole: z.optional(ProjectRole) });
const TeamInput = z.array(TeamSeatInput).check(z.maxLength(PROJECT_LIMITS.team));
const ContactIds = z.array(Uuid).check(z.minLength(1), z.maxLength(PROJECT_LIMITS.contacts));

export const MilestoneInput = z.strictObject({
  title: Title,
  dueDate: z.optional(z.nullable(IsoDate)),
  done: z.optional(z.boolean()),
  /** How much of the project it stands for (default 1). */
  weight: z.optional(IntBetween(1, 100)),
});
export type MilestoneInput = z.output<typeof MilestoneInput>;

const dateOrder = (v: { startDate?: string | null; dueDate?: string | null }) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate;

export const CreateProjectBody = z
  .strictObject({
    title: Title,
    /** The client contacts who see the project (the first is its main contact). */
    contactIds: ContactIds,
    leadId: Uuid,
    team: z.optional(TeamInput),
    status: z.optional(z.enum(PROJECT_STATUSES)),
    startDate: z.optional(z.nullable(IsoDate)),
    dueDate: z.optional(z.nullable(IsoDate)),
    /** What the client reads about the project. */
    summary: z.optional(Text(0, 2000)),
    /** The team's own notes: never shown to a client. */
    internalNotes: z.optional(Text(0, 5000)),
    milestones: z.optional(z.array(MilestoneInput).check(z.maxLength(PROJECT_LIMITS.milestones))),
    progressMode: z.optional(z.enum(PROGRESS_MODES)),
    manualPercent: z.optional(IntBetween(0, 100)),
    deliverableDownloads: z.optional(z.enum(DELIVERABLE_DOWNLOADS)),
  })
  .check(z.refine(dateOrder, { error: 'the start date must not be after the due date', path: ['dueDate'] }));
export type CreateProjectBody = z.output<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .strictObject({
    title: z.optional(Title),
    contactIds: z.optional(ContactIds),
    leadId: z.optional(Uuid),
    team: z.optional(TeamInput),
    status: z.optional(z.enum(PROJECT_STATUSES)),
    startDate: z.optional(z.nullable(IsoDate)),
    dueDate: z.optional(z.nullable(IsoDate)),
    summary: z.optional(Text(0, 2000)),
    internalNotes: z.optional(Text(0, 5000)),
    progressMode: z.optional(z.enum(PROGRESS_MODES)),
    manualPercent: z.optional(IntBetween(0, 100)),
    deliverableDownloads: z.optional(z.enum(DELIVERABLE_DOWNLOADS)),
  })
  .check(
    z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }),
    z.refine(dateOrder, { error: 'the start date must not be after the due date', path: ['dueDate'] }),
  );
export type UpdateProjectBody = z.output<typeof UpdateProjectBody>;

export const UpdateMilestoneBody = z
  .strictObject({
    title: z.optional(Title),
    dueDate: z.optional(z.nullable(IsoDate)),
    done: z.optional(z.boolean()),
    weight: z.optional(IntBetween(1, 100)),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));
export type UpdateMilestoneBody = z.output<typeof UpdateMilestoneBody>;

export const Milestone = named(
  z.object({
    milestoneId: z.string(),
    title: z.string(),
    dueDate: z.nullable(z.string()),
    done: z.boolean(),
    doneAt: z.nullable(z.string()),
    weight: Int,
  }),
  'Milestone',
);
export type Milestone = z.infer<typeof Milestone>;

export const TeamSeat = named(
  z.object({ userId: z.string(), name: z.string(), projectRole: z.string(), initials: z.string(), lead: z.boolean() }),
  'ProjectTeamSeat',
);
export type TeamSeat = z.infer<typeof TeamSeat>;

export const Activity = named(
  z.object({ activityId: z.string(), kind: z.enum(ACTIVITY_KINDS), text: z.string(), at: z.string() }),
  'ProjectActivity',
);
export type Activity = z.infer<typeof Activity>;

const progressFields = {
  projectId: z.string(),
  title: z.string(),
  status: z.enum(PROJECT_STATUSES),
  startDate: z.nullable(z.string()),
  dueDate: z.nullable(z.string()),
  percentDone: IntBetween(0, 100),
  /** The next milestone not done, if any. */
  nextMilestone: z.nullable(z.object({ title: z.string(), dueDate: z.nullable(z.string()) })),
};

/** A project as the studio sees it: everything, internal notes included. */
export const StudioProject = named(
  z.object({
    ...progressFields,
    clientId: z.string(),
    contacts: z.array(z.object({ clientId: z.string(), name: z.string(), email: z.string() })),
    leadId: z.string(),
    team: z.array(TeamSeat),
    summary: z.string(),
    internalNotes: z.string(),
    milestones: z.array(Milestone),
    progressMode: z.enum(PROGRESS_MODES),
    manualPercent: z.nullable(Int),
    deliverableDownloads: z.enum(DELIVERABLE_DOWNLOADS),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  'StudioProject',
);
export type StudioProject = z.infer<typeof StudioProject>;

/** A project in a list (the studio's projects, the portal home): its progress at a glance. */
export const ProjectSummary = named(z.object(progressFields), 'ProjectSummary');
export type ProjectSummary = z.infer<typeof ProjectSummary>;

/** A project as its client contacts see it: progress, dates, team, recent activity; no internal notes. */
export const ClientProject = named(
  z.object({
    ...progressFields,
    summary: z.string(),
    milestones: z.array(Milestone),
    /** Milestones not done whose date is within the next 30 days or past, soonest first. */
    upcoming: z.array(z.object({ title: z.string(), dueDate: z.string(), overdue: z.boolean() })),
    team: z.array(TeamSeat),
    activity: z.array(Activity),
  }),
  'ClientProject',
);
export type ClientProject = z.infer<typeof ClientProject>;
