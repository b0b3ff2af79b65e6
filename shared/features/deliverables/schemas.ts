// Deliverables' request and answer schemas, and the types inferred from them.
import * as z from 'zod/mini';
import { HeaderSafeText, Int, IsoDate, named, PaymentLock, Text, Uuid } from '../../schemas.ts';
import { MentionList, MentionView, PersonView } from '../people/index.ts';
import { PREVIEW_KINDS } from '../previews/index.ts';
import { DECISIONS, DELIVERABLE_LIMITS, DELIVERABLE_STATES, ROUND_RESULTS, VERSION_STATUSES } from './constants.ts';

export const DeliverablesParams = z.strictObject({ projectId: Uuid });
export const DeliverableParams = z.strictObject({ projectId: Uuid, deliverableId: Uuid });
/** A version number in a path: 1 to 9999, no leading zero. */
const VersionNumber = z.string().check(z.regex(/^[1-9][0-9]{0,3}$/, { error: 'must be a version number' }));
export const VersionParams = z.strictObject({ projectId: Uuid, deliverableId: Uuid, version: VersionNumber });
export const CommentParams = z.strictObject({ projectId: Uuid, deliverableId: Uuid, version: VersionNumber, deliverableCommentId: Uuid });

const Title = HeaderSafeText(1, DELIVERABLE_LIMITS.title);

export const CreateDeliverableBody = z.strictObject({
  title: Title,
  description: z.optional(Text(0, DELIVERABLE_LIMITS.description)),
  dueDate: z.optional(z.nullable(IsoDate)),
});
export type CreateDeliverableBody = z.output<typeof CreateDeliverableBody>;

export const UpdateDeliverableBody = z
  .strictObject({
    title: z.optional(Title),
    description: z.optional(Text(0, DELIVERABLE_LIMITS.description)),
    dueDate: z.optional(z.nullable(IsoDate)),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));
export type UpdateDeliverableBody = z.output<typeof UpdateDeliverableBody>;

/** A MIME type as RFC 6838 spells its names (parameters are not taken): `application/vnd.adobe.illustrator`. */
const MimeType = z
  .string()
  .check(
    z.maxLength(127),
    z.toLowerCase(),
    z.regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/, { error: 'must be a media type like image/png' }),
  );

export const StartVersionBody = z.strictObject({
  fileName: z.string().check(
    z.minLength(1),
    z.maxLength(200),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: path separators and control characters are what is refused
    z.refine((n) => !/[/\\\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', { error: 'must be a plain file name' }),
  ),
  contentType: MimeType,
  /** Bytes; the most is DELIVERABLE_MAX_BYTES (checked by the use case: it is configuration). */
  size: z.int().check(z.gte(0)),
});
export type StartVersionBody = z.output<typeof StartVersionBody>;

export const CompleteVersionBody = z.strictObject({
  parts: z.optional(
    z
      .array(
        z.strictObject({ partNumber: z.int().check(z.gte(1), z.lte(10_000)), etag: z.string().check(z.minLength(1), z.maxLength(200)) }),
      )
      .check(z.maxLength(10_000)),
  ),
});

export const SendVersionBody = z.strictObject({
  /** Replaces the deliverable's due date for this round. */
  dueDate: z.optional(z.nullable(IsoDate)),
  /** A note to the reviewers, put in their email. */
  message: z.optional(Text(0, DELIVERABLE_LIMITS.message)),
  /** Which of the project's contacts review it (default: every contact). */
  reviewerIds: z.optional(z.array(Uuid).check(z.minLength(1), z.maxLength(10))),
});
export type SendVersionBody = z.output<typeof SendVersionBody>;

const Fraction = z.number().check(z.gte(0), z.lte(1));
const Seconds = z.number().check(z.gte(0), z.lte(86_400));
export const Pin = named(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('point'), x: Fraction, y: Fraction, page: z.optional(z.int().check(z.gte(1), z.lte(100_000))) }),
    z.strictObject({ kind: z.literal('time'), start: Seconds, end: z.optional(Seconds) }),
  ]),
  'DeliverablePin',
);
export type Pin = z.output<typeof Pin>;

export const CommentBody = z
  .strictObject({
    text: Text(1, DELIVERABLE_LIMITS.comment),
    /** A point on the image or a PDF page, or a time (range) of a video; none for a general comment. */
    pin: z.optional(Pin),
    /** Replies name the comment they answer (a thread is one level deep; replies carry no pin). */
    parentId: z.optional(Uuid),
    /** The people it mentions (each on the project: the autocomplete offers only them). */
    mentions: z.optional(MentionList),
  })
  .check(
    z.refine((b) => !(b.parentId && b.pin), { error: 'a reply carries no pin', path: ['pin'] }),
    z.refine((b) => b.pin?.kind !== 'time' || b.pin.end === undefined || b.pin.end >= b.pin.start, {
      error: 'a time range must not end before it starts',
      path: ['pin'],
    }),
  );
export type CommentBody = z.output<typeof CommentBody>;

export const ResolveCommentBody = z.strictObject({ resolved: z.boolean() });

export const DecisionBody = z
  .strictObject({
    decision: z.enum(DECISIONS),
    /** Required with request_changes and approve_with_changes: what should change. */
    note: z.optional(Text(0, DELIVERABLE_LIMITS.message)),
  })
  .check(
    z.refine((b) => b.decision === 'approve' || (b.note ?? '').length > 0, {
      error: 'say what should change',
      path: ['note'],
    }),
  );
export type DecisionBody = z.output<typeof DecisionBody>;

// ---------------------------------------------------------------------------------------------
// Answers.

export const PreviewView = named(
  z.object({
    kind: z.enum(PREVIEW_KINDS),
    state: z.enum(['ready', 'unavailable']),
    reason: z.nullable(z.string()),
    pages: z.array(z.object({ url: z.string(), width: Int, height: Int })),
    thumbUrl: z.nullable(z.string()),
    posterUrl: z.nullable(z.string()),
    /** A playable video's own file, for the browser's player. */
    videoUrl: z.nullable(z.string()),
    playable: z.nullable(z.boolean()),
    durationSeconds: z.nullable(z.number()),
    pageCount: z.nullable(Int),
  }),
  'DeliverablePreview',
);
export type PreviewView = z.infer<typeof PreviewView>;

export const ReviewerView = z.object({
  clientId: z.string(),
  name: z.string(),
  decision: z.nullable(z.enum(DECISIONS)),
  note: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
});
export type ReviewerView = z.infer<typeof ReviewerView>;

export const VersionView = named(
  z.object({
    version: Int,
    fileName: z.string(),
    contentType: z.string(),
    size: Int,
    status: z.enum(VERSION_STATUSES),
    failureReason: z.nullable(z.string()),
    createdAt: z.string(),
    sentAt: z.nullable(z.string()),
    dueDate: z.nullable(z.string()),
    message: z.nullable(z.string()),
    result: z.nullable(z.enum(ROUND_RESULTS)),
    lockedAt: z.nullable(z.string()),
    preview: z.nullable(PreviewView),
    reviewers: z.array(ReviewerView),
    /** Whether the caller may download its file (the studio always; a client by the project's rule). */
    downloadable: z.boolean(),
  }),
  'DeliverableVersion',
);
export type VersionView = z.infer<typeof VersionView>;

export const CommentView = named(
  z.object({
    commentId: z.string(),
    version: Int,
    parentId: z.nullable(z.string()),
    pin: z.nullable(Pin),
    text: z.string(),
    author: z.object({ kind: z.enum(['client', 'studio']), name: z.string() }),
    /** Whether the caller wrote it (a client may reopen a thread it started). */
    mine: z.boolean(),
    mentions: z.array(MentionView),
    createdAt: z.string(),
    resolvedAt: z.nullable(z.string()),
    /** Who resolved the thread (a name), while it is resolved. */
    resolvedBy: z.nullable(z.string()),
  }),
  'DeliverableComment',
);
export type CommentView = z.infer<typeof CommentView>;

export const DeliverableSummary = named(
  z.object({
    deliverableId: z.string(),
    title: z.string(),
    description: z.string(),
    dueDate: z.nullable(z.string()),
    state: z.enum(DELIVERABLE_STATES),
    /** The newest version (0: none yet); a client counts only the versions sent to them. */
    latestVersion: Int,
    locked: z.boolean(),
    updatedAt: z.string(),
  }),
  'DeliverableSummary',
);
export type DeliverableSummary = z.infer<typeof DeliverableSummary>;

export const DeliverableDetail = named(
  z.object({
    ...DeliverableSummary.shape,
    versions: z.array(VersionView),
    comments: z.array(CommentView),
    /** Whether the caller may comment and decide: a client on a plan with interactive approvals (Starter: read-only). */
    interactive: z.boolean(),
    /** The unpaid invoice the final files wait for: a client downloads nothing of it until then. */
    paymentLock: z.nullable(PaymentLock),
  }),
  'Deliverable',
);
export type DeliverableDetail = z.infer<typeof DeliverableDetail>;

/** A deliverable with the people its threads may mention (the project's team and contacts). */
export const DeliverableAnswer = z.object({ deliverable: DeliverableDetail, people: z.array(PersonView) });

export const UploadTicketView = z.object({
  put: z.nullable(z.object({ url: z.string(), headers: z.record(z.string(), z.string()) })),
  multipart: z.nullable(z.object({ uploadId: z.string(), partSize: Int, parts: z.array(z.object({ partNumber: Int, url: z.string() })) })),
});
