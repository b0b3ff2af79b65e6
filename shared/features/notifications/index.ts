// What other features may use of notifications: import it from here, never from its files.
export * from './constants.ts';
export { claimDeadline } from './domain/jobs.ts';
export { markThreadSeen, type NoteInput, notify, notifyLater } from './domain/notify.ts';
