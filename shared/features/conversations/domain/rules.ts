// Conversations' pure rules: who may edit or delete a message, and until when.
import type { PersonKey } from '../../people/index.ts';
import { MESSAGE_LIMITS } from '../constants.ts';
import type { MessageRecord } from '../records.ts';

export interface Caller {
  person: PersonKey;
  /** A studio admin or owner: may delete anyone's message in the threads they reach. */
  moderator: boolean;
}

const EDIT_MS = MESSAGE_LIMITS.editMinutes * 60_000;

/** Until when the caller may edit the message, or null (not theirs, deleted, or the window passed). */
export function editableUntil(m: Pick<MessageRecord, 'author' | 'createdAt' | 'deletedAt'>, caller: Caller, now: number): string | null {
  if (m.deletedAt || m.author !== caller.person) return null;
  const until = Date.parse(m.createdAt) + EDIT_MS;
  return until > now ? new Date(until).toISOString() : null;
}

export type EditRefusal = 'not_found' | 'not_author' | 'deleted' | 'edit_window_passed' | null;

export function editRefusal(m: Pick<MessageRecord, 'author' | 'createdAt' | 'deletedAt'>, caller: Caller, now: number): EditRefusal {
  if (m.deletedAt) return 'deleted';
  if (m.author !== caller.person) return 'not_author';
  if (Date.parse(m.createdAt) + EDIT_MS <= now) return 'edit_window_passed';
  return null;
}

export const mayDelete = (m: Pick<MessageRecord, 'author' | 'deletedAt'>, caller: Caller): boolean =>
  !m.deletedAt && (m.author === caller.person || caller.moderator);

/** How long a hole in a thread's numbers is waited for: a write in flight lands well within it; one that failed never will. */
export const HOLE_GRACE_MS = 10_000;

/**
 * Up to which sequence number a reader holding `after` has everything, given the events stored
 * after it (oldest first): through every number in a row, and past a hole once the event after
 * the hole is older than the grace (the hole's write failed). A young hole stops the count, so a
 * write still in flight is fetched next time instead of skipped.
 */
export function caughtUpTo(after: number, events: ReadonlyArray<{ seq: number; at: string }>, now: number): number {
  let upTo = after;
  for (const e of events) {
    if (e.seq <= upTo) continue;
    if (e.seq !== upTo + 1 && now - Date.parse(e.at) < HOLE_GRACE_MS) break;
    upTo = e.seq;
  }
  return upTo;
}
