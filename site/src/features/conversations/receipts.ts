// Read receipts as the thread shows them: under the last message each person has seen, their
// avatar and "Seen by Ava, Leo at 14:02". Pure, so the rule is easy to read and to test.
import type { Message, Thread } from '../../../../shared/features/conversations/schemas.ts';

export type Cursor = Thread['cursors'][number];

/**
 * For each message seq: the people (not `me`) whose last seen message by someone else it is (their
 * own messages they have seen by writing them).
 */
export function receiptsBySeq(messages: readonly Message[], cursors: readonly Cursor[], me: string): Map<number, Cursor[]> {
  const out = new Map<number, Cursor[]>();
  for (const c of cursors) {
    if (c.person === me) continue;
    let last: Message | undefined;
    for (const m of messages) if (m.seq <= c.seq && m.author.person !== c.person) last = m;
    if (!last) continue;
    out.set(last.seq, [...(out.get(last.seq) ?? []), c]);
  }
  return out;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "Seen by Ava, Leo at 14:02" (first names; the latest time). */
export function seenLine(people: readonly Cursor[]): string {
  const names = people.map((p) => p.name.split(/\s+/)[0] || p.name);
  const latest =
    people
      .map((p) => p.at)
      .sort()
      .at(-1) ?? '';
  return `Seen by ${names.join(', ')} at ${time(latest)}`;
}
