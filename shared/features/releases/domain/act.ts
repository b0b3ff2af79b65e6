// How every change to a sent release is made: read it, decide, link the new audit events after its
// chain head, and write it all in one transaction on condition the head is still the one read. Two
// signers at the same moment therefore line up: the second reads again and decides again.
import { createHash, randomBytes } from 'node:crypto';
import { notFound, unavailable } from '../../../errors.ts';
import type { AuditEventType, AuthMethod } from '../constants.ts';
import { ChainMoved, commitRelease, getRelease, type WriteItem } from '../data.ts';
import type { AuditActor, AuditRecord, Presence, ReleaseRecord } from '../records.ts';
import { link, type UnhashedEvent } from './chain.ts';

export type NewEvent = Omit<UnhashedEvent, 'seq' | 'prevHash'>;

export const SYSTEM: AuditActor = { kind: 'system', id: null, name: 'Portico', email: null };
export const NO_PRESENCE: Presence = { auth: 'system', ip: '', userAgent: '' };

/** One audit event of `release`, by `actor`, from where `presence` says. */
export function event(
  release: Pick<ReleaseRecord, 'releaseId' | 'document'>,
  type: AuditEventType,
  actor: AuditActor,
  presence: Presence,
  detail: string | null = null,
): NewEvent {
  return {
    releaseId: release.releaseId,
    type,
    at: new Date().toISOString(),
    actor,
    auth: presence.auth as AuthMethod,
    ip: presence.ip || null,
    userAgent: presence.userAgent ? presence.userAgent.slice(0, 400) : null,
    documentHash: release.document.hash,
    detail,
  };
}

export interface Decision {
  next: ReleaseRecord;
  events: NewEvent[];
  extras?: WriteItem[];
}

/**
 * Reads the release, lets `decide` say what changes (or throw a domain error, or return null for
 * "nothing to write"), and writes it; on a collision it reads again and decides again.
 */
export async function change(
  releaseId: string,
  decide: (r: ReleaseRecord) => Decision | null,
): Promise<{ release: ReleaseRecord; events: AuditRecord[] }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const r = await getRelease(releaseId);
    if (!r) throw notFound('No such release.');
    const decision = decide(r);
    if (!decision) return { release: r, events: [] };
    const events = link(r.head, decision.events);
    const last = events.at(-1);
    const next: ReleaseRecord = {
      ...decision.next,
      head: last ? { seq: last.seq, hash: last.hash } : r.head,
      updatedAt: new Date().toISOString(),
    };
    try {
      await commitRelease(next, r.head.seq, events, decision.extras);
      return { release: next, events };
    } catch (e) {
      if (!(e instanceof ChainMoved)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
  throw unavailable('This release is busy. Please try again in a moment.');
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** A new one-time signing link's token (to email) and the hash that is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}
