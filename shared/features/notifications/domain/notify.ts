// The one way a feature tells people something happened. CONTRACT (issue 12): the notifications
// helper implements these; the signatures stay.
import type { PersonKey } from '../../people/index.ts';
import type { NoteKind } from '../constants.ts';

export interface NoteInput {
  studioId: string;
  kind: NoteKind;
  /** The project it belongs to (the centre groups by it); null for a general thread. */
  projectId: string | null;
  projectTitle: string | null;
  /** One line: "Ava Lindqvist: Looks great, one question…", "Logo v3 is ready for review". */
  title: string;
  /** Where the bell's entry opens, a path on the recipient's own host ("/projects/<id>#messages"). */
  link: { studio: string; client: string };
  actor: PersonKey | null;
  /** Who is told: the actor is left out, muted projects are skipped (except for `mentioned`). */
  recipients: readonly PersonKey[];
  /** Mentioned people: told even if they muted the project, and their mention stays in Mentions. */
  mentioned?: readonly PersonKey[];
  /** For messages: the thread and the message's sequence number (email batching, seen-marking). */
  thread?: { threadId: string; seq: number };
}

/** Writes the notes, publishes the new unread counts live, queues the emails the recipients' settings ask for. */
export async function notify(_input: NoteInput): Promise<void> {
  // Implemented by the notifications work of issue 12.
}

/** The person has seen `threadId` up to `seq`: its message notes become read, and no email goes out for them. */
export async function markThreadSeen(_studioId: string, _person: PersonKey, _threadId: string, _seq: number): Promise<void> {
  // Implemented by the notifications work of issue 12.
}
