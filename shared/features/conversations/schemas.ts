// What the API takes and says about conversation threads.
import * as z from 'zod/mini';
import { Int, MediaType, named, PlainFileName, Uuid } from '../../schemas.ts';
import { MAX_MENTIONS, PERSON_KEY_PATTERN, type PersonKey } from '../people/index.ts';
import { MESSAGE_LIMITS, THREAD_ID_PATTERN } from './constants.ts';

const ThreadId = z.string().check(z.regex(THREAD_ID_PATTERN, { error: 'must be a thread id' }));
/** A sequence number as the path or the query carries it: digits, no sign, no leading zero. */
const SeqText = z.pipe(
  z.string().check(z.regex(/^(0|[1-9][0-9]{0,11})$/, { error: 'must be a sequence number' })),
  z.transform((s) => Number(s)),
);

export const ThreadParams = z.strictObject({ threadId: ThreadId });
export const MessageParams = z.strictObject({ threadId: ThreadId, seq: SeqText });

export const ThreadQuery = z
  .strictObject({ before: z.optional(SeqText), after: z.optional(SeqText) })
  .check(z.refine((q) => q.before === undefined || q.after === undefined, { error: 'ask for before or after, not both' }));
export type ThreadQuery = z.output<typeof ThreadQuery>;

const Person = z.pipe(
  z.string().check(z.regex(PERSON_KEY_PATTERN, { error: 'must name a person' })),
  z.transform((s) => s as PersonKey),
);

/**
 * A message's text: trimmed, at most 5,000 characters, no control characters but newline and tab
 * (a carriage return is dropped). Stored and answered as text, never HTML.
 */
const MessageText = z
  .pipe(
    z.string().check(z.maxLength(MESSAGE_LIMITS.chars * 2, { error: `must be at most ${MESSAGE_LIMITS.chars} characters` })),
    z.transform((s) => s.replace(/\r\n?/g, '\n').trim()),
  )
  .check(
    z.refine((s) => s.length <= MESSAGE_LIMITS.chars, { error: `must be at most ${MESSAGE_LIMITS.chars} characters` }),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    z.refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s), { error: 'must not hold control characters' }),
  );

export const SendBody = z
  .strictObject({
    text: MessageText,
    mentions: z.optional(z.array(Person).check(z.maxLength(MAX_MENTIONS, { error: `may name at most ${MAX_MENTIONS} people` }))),
    attachmentIds: z.optional(
      z.array(Uuid).check(z.maxLength(MESSAGE_LIMITS.attachments, { error: `may hold at most ${MESSAGE_LIMITS.attachments} files` })),
    ),
  })
  .check(
    z.refine((b) => b.text.length > 0 || (b.attachmentIds?.length ?? 0) > 0, {
      error: 'write something or attach a file',
      path: ['text'],
    }),
  );
export type SendBody = z.output<typeof SendBody>;

export const EditBody = z
  .strictObject({
    text: MessageText,
    mentions: z.optional(z.array(Person).check(z.maxLength(MAX_MENTIONS, { error: `may name at most ${MAX_MENTIONS} people` }))),
  })
  .check(z.refine((b) => b.text.length > 0, { error: 'must not be empty', path: ['text'] }));
export type EditBody = z.output<typeof EditBody>;

export const SeenBody = z.strictObject({ seq: z.int().check(z.gte(0), z.lte(1e12)) });

export const AttachmentBody = z.strictObject({
  fileName: PlainFileName,
  contentType: MediaType,
  size: z
    .int()
    .check(
      z.gte(1, { error: 'must not be empty' }),
      z.lte(MESSAGE_LIMITS.attachmentBytes, { error: `must be at most ${MESSAGE_LIMITS.attachmentBytes / 1024 / 1024} MB` }),
    ),
});
export type AttachmentBody = z.output<typeof AttachmentBody>;

// ---------------------------------------------------------------------------------------------
// Answers.

const PersonView = z.object({ person: z.string(), name: z.string(), initials: z.string() });

export const ThreadParticipant = named(
  z.object({ person: z.string(), side: z.enum(['studio', 'client']), name: z.string(), initials: z.string(), role: z.string() }),
  'ThreadParticipant',
);

export const MessageAttachment = named(
  z.object({
    attachmentId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: Int,
    /** Shown inline (a small raster image). */
    image: z.boolean(),
    /** A short-lived link: the image itself, or a download under its name. */
    url: z.string(),
  }),
  'MessageAttachment',
);

export const Message = named(
  z.object({
    seq: Int,
    author: PersonView,
    /** Empty once deleted. */
    text: z.string(),
    mentions: z.array(z.string()),
    attachments: z.array(MessageAttachment),
    createdAt: z.string(),
    editedAt: z.nullable(z.string()),
    deleted: z.boolean(),
    /** Until when the caller may edit it (their own, not deleted), else null. */
    editableUntil: z.nullable(z.string()),
    /** Whether the caller may delete it. */
    deletable: z.boolean(),
    /** The last event that touched it. */
    lastSeq: Int,
  }),
  'Message',
);
export type Message = z.infer<typeof Message>;

export const ReadCursor = named(
  z.object({ person: z.string(), name: z.string(), initials: z.string(), seq: Int, at: z.string() }),
  'ReadCursor',
);

export const Thread = named(
  z.object({
    threadId: z.string(),
    kind: z.enum(['project', 'general']),
    title: z.string(),
    me: z.string(),
    participants: z.array(ThreadParticipant),
    cursors: z.array(ReadCursor),
    /** Oldest first: a page (`before`), the newest page (no cursor), or what changed (`after`). */
    messages: z.array(Message),
    /** The thread's last sequence number: the next `after=`. */
    lastSeq: Int,
    /** For a page: the `before=` of the next older page, or null when this reaches the first message. */
    olderBefore: z.nullable(Int),
    /** For a catch-up: more events wait (ask again with after=lastSeq of the events answered). */
    more: z.boolean(),
  }),
  'Thread',
);
export type Thread = z.infer<typeof Thread>;

export const AttachmentAnswer = z.object({
  attachmentId: z.string(),
  ticket: z.object({ put: z.object({ url: z.string(), headers: z.record(z.string(), z.string()) }) }),
});
