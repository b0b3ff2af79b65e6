// What the API takes and says about notifications.
import * as z from 'zod/mini';
import { named, Uuid } from '../../schemas.ts';
import { EMAIL_MODES, NOTE_ID_PATTERN, NOTE_KINDS, NOTIFICATION_LIMITS } from './constants.ts';

const NoteId = z.string().check(z.regex(NOTE_ID_PATTERN, { error: 'must be a notification id' }));
export const NoteParams = z.strictObject({ noteId: NoteId });

/** Read all takes an empty object: nothing else (a strict body, so junk is refused rather than acted on). */
export const ReadAllBody = z.strictObject({});
export type ReadAllBody = z.output<typeof ReadAllBody>;

export const Note = named(
  z.object({
    noteId: z.string(),
    kind: z.enum(NOTE_KINDS),
    projectId: z.nullable(z.string()),
    projectTitle: z.nullable(z.string()),
    title: z.string(),
    /** A collapsed message entry's latest message line. */
    snippet: z.nullable(z.string()),
    count: z.number(),
    /** A path on the caller's own host. */
    link: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  }),
  'Note',
);
export type Note = z.output<typeof Note>;

export const Unread = named(z.object({ unread: z.number() }), 'UnreadCount');

export const NoteSettings = named(z.object({ emailMode: z.enum(EMAIL_MODES), muted: z.array(z.string()) }), 'NoteSettings');
export type NoteSettings = z.output<typeof NoteSettings>;

export const NoteSettingsBody = z.strictObject({
  emailMode: z.enum(EMAIL_MODES),
  muted: z.array(Uuid).check(z.maxLength(NOTIFICATION_LIMITS.mutedMax)),
});
export type NoteSettingsBody = z.output<typeof NoteSettingsBody>;

export const NotesPage = z.object({ notes: z.array(Note), unread: z.number(), nextCursor: z.nullable(z.string()) });
