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
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const EMAIL_MODES = ['every', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
