// What the API takes and says about feedback: the studio-wide messages, and a project's feedback tasks.
import * as z from 'zod/mini';
import { HeaderSafeText, Id, IntBetween, IsoDate, MediaType, named, PlainFileName, Text, Uuid } from '../../schemas.ts';
import { ATTACHMENT_LIMITS, FEEDBACK_CATEGORIES, FEEDBACK_MAX, TASK_LIMITS, TASK_STATES } from './constants.ts';

export const FeedbackBody = z.strictObject({ message: Text(1, FEEDBACK_MAX) });

export const Feedback = named(
  z.object({ feedbackId: z.string(), clientId: z.string(), clientName: z.string(), message: z.string(), createdAt: z.string() }),
  'Feedback',
);

export const ProjectFeedbackParams = z.strictObject({ projectId: Uuid });
export const TaskParams = z.strictObject({ projectId: Uuid, feedbackId: Uuid });

const Category = z.enum(FEEDBACK_CATEGORIES);

const AttachmentFields = { fileName: PlainFileName, contentType: MediaType, size: IntBetween(1, ATTACHMENT_LIMITS.maxBytes) };

/** A file to attach: its ticket first, then it is named in the feedback that is sent. */
export const AttachmentBody = z.strictObject(AttachmentFields);
export type AttachmentBody = z.output<typeof AttachmentBody>;
const AttachmentRef = z.strictObject({ attachmentId: Uuid, ...AttachmentFields });
export const AttachmentParams = z.strictObject({ projectId: Uuid, feedbackId: Uuid, attachmentId: Uuid });

export const Attachment = named(
  z.object({ attachmentId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() }),
  'FeedbackAttachment',
);
export const AttachmentTicketAnswer = z.object({
  attachment: Attachment,
  /** One presigned PUT, bound to the file's type and exact size. */
  ticket: z.object({ put: z.object({ url: z.string(), headers: z.record(z.string(), z.string()) }) }),
});
export const AttachmentDownload = z.object({ url: z.string(), fileName: z.string() });
const State = z.enum(TASK_STATES);

export const SubmitFeedbackBody = z.strictObject({
  subject: HeaderSafeText(1, TASK_LIMITS.subjectMax),
  message: Text(1, FEEDBACK_MAX),
  category: z.optional(z.nullable(Category)),
  attachments: z.optional(z.array(AttachmentRef).check(z.maxLength(ATTACHMENT_LIMITS.perFeedback))),
});
export type SubmitFeedbackBody = z.output<typeof SubmitFeedbackBody>;

/** One triage write: any of the fields, on the revision the editor read. */
export const TriageBody = z.strictObject({
  revision: IntBetween(1, 1_000_000),
  state: z.optional(State),
  reason: z.optional(Text(1, TASK_LIMITS.reasonMax)),
  duplicateOf: z.optional(Uuid),
  snoozedUntil: z.optional(IsoDate),
  assigneeId: z.optional(Id),
  dueDate: z.optional(z.nullable(IsoDate)),
});
export type TriageBody = z.output<typeof TriageBody>;

export const NoteBody = z.strictObject({ text: Text(1, TASK_LIMITS.noteMax) });

export const TaskStateQuery = z.strictObject({ state: z.optional(State) });
export const InboxQuery = z.strictObject({ sort: z.optional(z.enum(['due', 'newest'])) });

const shared = {
  feedbackId: z.string(),
  projectId: z.string(),
  subject: z.string(),
  message: z.string(),
  category: z.nullable(Category),
  attachments: z.array(Attachment),
  /** Effective: a snoozed task past its date reads new. */
  state: State,
  declineReason: z.nullable(z.string()),
  duplicateOf: z.nullable(z.object({ feedbackId: z.string(), subject: z.string() })),
  snoozedUntil: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** What the client who sent it sees: never the team's notes, assignee or due date. */
export const ClientTask = named(z.object(shared), 'ClientFeedbackTask');

export const TaskNote = z.object({ noteId: z.string(), authorId: z.string(), authorName: z.string(), text: z.string(), at: z.string() });

export const StudioTask = named(
  z.object({
    ...shared,
    submittedBy: z.object({ clientId: z.string(), name: z.string() }),
    assignee: z.object({ userId: z.string(), name: z.string() }),
    dueDate: z.nullable(z.string()),
    notes: z.array(TaskNote),
    revision: z.number(),
  }),
  'StudioFeedbackTask',
);

export const InboxTask = named(z.object({ ...StudioTask.shape, projectTitle: z.string() }), 'InboxFeedbackTask');

export const ProjectTasksAnswer = z.object({
  feedback: z.array(StudioTask),
  /** Who may be assigned: the project's team, lead first. */
  team: z.array(z.object({ userId: z.string(), name: z.string() })),
});
