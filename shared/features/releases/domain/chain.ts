// A release's audit trail is a hash chain: each event's hash covers its own fields and the hash of
// the event before it, so altering, deleting, reordering or inserting a record breaks every link
// after it, and the chain's head (kept on the release and printed in the sealed PDF) pins the end.
// Pure: no I/O. node:crypto only.
import { createHash } from 'node:crypto';
import type { AuditRecord } from '../records.ts';
import type { ChainCheck } from '../schemas.ts';

/** The previous hash of a release's first event. */
export const GENESIS = '0'.repeat(64);

export type UnhashedEvent = Omit<AuditRecord, 'hash'>;

/**
 * The canonical text an event's hash covers: its fields in a fixed order, as JSON, so the same event
 * always hashes the same whatever order a store gives its attributes back in.
 */
export function canonical(e: UnhashedEvent): string {
  return JSON.stringify([
    e.releaseId,
    e.seq,
    e.type,
    e.at,
    [e.actor.kind, e.actor.id, e.actor.name, e.actor.email],
    e.auth,
    e.ip,
    e.userAgent,
    e.documentHash,
    e.detail,
    e.prevHash,
  ]);
}

export const hashEvent = (e: UnhashedEvent): string => createHash('sha256').update(canonical(e), 'utf8').digest('hex');

/** Links new events after `head`: each gets the next seq, the previous hash and its own hash. */
export function link(head: { seq: number; hash: string }, events: Omit<UnhashedEvent, 'seq' | 'prevHash'>[]): AuditRecord[] {
  const linked: AuditRecord[] = [];
  let prev = head;
  for (const e of events) {
    const unhashed: UnhashedEvent = { ...e, seq: prev.seq + 1, prevHash: prev.hash };
    const record = { ...unhashed, hash: hashEvent(unhashed) };
    linked.push(record);
    prev = { seq: record.seq, hash: record.hash };
  }
  return linked;
}

/**
 * Walks the events in the order stored (by seq) and names the first link that does not hold: a
 * number out of sequence (a record deleted, inserted or moved), a record whose hash is not its
 * content's (altered), a previous hash that is not the last record's (reordered or replaced), or
 * a last record that is not the head the release recorded (the end cut off).
 */
export function verifyChain(releaseId: string, events: readonly AuditRecord[], head: { seq: number; hash: string } | null): ChainCheck {
  const broken = (seq: number, reason: string): ChainCheck => ({
    intact: false,
    events: events.length,
    head: head ? { seq: head.seq, hash: head.hash } : null,
    brokenAt: { seq, reason },
  });
  let prev = { seq: 0, hash: GENESIS };
  for (const e of events) {
    if (e.seq !== prev.seq + 1) return broken(prev.seq + 1, `event #${prev.seq + 1} is missing (the next record is #${e.seq})`);
    if (e.releaseId !== releaseId) return broken(e.seq, `event #${e.seq} belongs to another release`);
    if (e.prevHash !== prev.hash) return broken(e.seq, `event #${e.seq} does not follow event #${prev.seq} (its previous hash differs)`);
    const { hash, ...rest } = e;
    if (hashEvent(rest) !== hash)
      return broken(e.seq, `event #${e.seq} was changed after it was recorded (its hash does not match its content)`);
    prev = { seq: e.seq, hash };
  }
  if (head && (head.seq !== prev.seq || head.hash !== prev.hash)) {
    return head.seq > prev.seq
      ? broken(prev.seq + 1, `event #${prev.seq + 1} is missing (the chain's head is #${head.seq})`)
      : broken(head.seq, `the chain's head is #${head.seq}, but the trail goes on to #${prev.seq}`);
  }
  return { intact: true, events: events.length, head: head ? { seq: head.seq, hash: head.hash } : null, brokenAt: null };
}
