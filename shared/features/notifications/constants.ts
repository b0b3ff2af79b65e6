// Notification kinds and settings, zod-free so the site can use them too.

export const NOTE_KINDS = [
  'message',
  'mention',
  'deliverableReady',
  'deliverableDecided',
  'fileShared',
  'galleryReady',
  'deadlineNear',
  'feedback',
  'paymentReceived',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const EMAIL_MODES = ['every', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** The bell shows at most this figure, then "99+". */
export const UNREAD_SHOWN_MAX = 99;
export const unreadLabel = (n: number): string => (n > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : String(n));

export const NOTIFICATION_LIMITS = {
  /** A message (or mention) email waits this long for the person to see the thread. */
  emailDelayMinutes: 5,
  /** An email lists at most this many messages of its burst, then "and N more". */
  burstLines: 5,
  /** Notes expire after this many days (the Mentions list is kept). */
  noteDays: 180,
  /** How many projects a person may mute. */
  mutedMax: 200,
  /** Days ahead the deadline job looks at. */
  deadlineDays: 2,
} as const;

export const NOTE_ID_PATTERN = /^[0-9]{13}-[a-z0-9]{8}$/;
