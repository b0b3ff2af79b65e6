// Releases' pure rules: what state a release reads as, whose turn it is, what a signer may do.
import { conflict, gone } from '../../../errors.ts';
import type { ReleaseState } from '../constants.ts';
import type { ReleaseRecord, SignerRecord, StoredState } from '../records.ts';

/** States a signer may still act in. */
const SIGNABLE: readonly StoredState[] = ['sent', 'viewed', 'partly_signed'];

/** Whether a release in this (viewed) state still takes signatures. */
export const isSignableState = (state: string): boolean => (SIGNABLE as readonly string[]).includes(state);

/** Whether a sent release's deadline (a date, inclusive) has passed on `today` (YYYY-MM-DD). */
export const pastDeadline = (r: Pick<ReleaseRecord, 'deadline'>, today: string): boolean => r.deadline !== null && r.deadline < today;

/** The state the studio and the signers see: `expired` once an open release's deadline has passed; `sealing` reads as signed so far. */
export function viewState(r: Pick<ReleaseRecord, 'state' | 'deadline'>, today: string): ReleaseState {
  if (r.state === 'sealing') return 'partly_signed';
  if ((SIGNABLE.includes(r.state) || r.state === 'awaiting_countersign') && pastDeadline(r, today)) return 'expired';
  return r.state;
}

/** Whether it is this signer's turn: always in parallel; in order, once everyone before them has signed. */
export function isTurnOf(r: Pick<ReleaseRecord, 'order' | 'signers'>, signer: SignerRecord): boolean {
  if (r.order === 'parallel') return true;
  for (const s of r.signers) {
    if (s.signerId === signer.signerId) return true;
    if (s.state !== 'signed') return false;
  }
  return false;
}

/** Refuses an act of a signer on a release that can no longer be signed, in words for the signer. */
export function assertSignable(r: ReleaseRecord, signer: SignerRecord, today: string): void {
  if (r.state === 'voided') throw gone('release_voided', `${r.title} was voided by the studio: there is nothing to sign.`);
  if (r.state === 'declined') throw gone('release_declined', `${r.title} was declined, so it can no longer be signed.`);
  if (signer.state === 'signed') throw conflict('already_signed', `You signed ${r.title} already.`);
  if (signer.state === 'declined') throw conflict('already_declined', `You declined ${r.title}.`);
  if (!SIGNABLE.includes(r.state)) throw conflict('not_signable', `${r.title} is not waiting for your signature.`);
  if (pastDeadline(r, today)) throw gone('release_expired', `The deadline to sign ${r.title} has passed. Ask the studio to send it again.`);
  if (!isTurnOf(r, signer))
    throw conflict('not_your_turn', `${r.title} is signed in order: it is not your turn yet. You will get an email when it is.`);
}

/** After a signature: the release's next state, and the signers whose turn has just come (to email). */
export function afterSignature(r: ReleaseRecord): { state: StoredState; nowDue: SignerRecord[] } {
  const unsigned = r.signers.filter((s) => s.state !== 'signed');
  if (unsigned.length > 0) {
    const nowDue = r.order === 'sequential' && unsigned[0]?.state === 'waiting' ? [unsigned[0]] : [];
    return { state: 'partly_signed', nowDue };
  }
  if (r.countersigner && !r.countersigner.signedAt) return { state: 'awaiting_countersign', nowDue: [] };
  return { state: 'sealing', nowDue: [] };
}

/** Signers who are due at send time: everyone in parallel, the first in order. */
export const dueAtSend = (r: Pick<ReleaseRecord, 'order' | 'signers'>): SignerRecord[] =>
  r.order === 'parallel' ? r.signers : r.signers.slice(0, 1);

/** Releases the studio may still remind, resend or void. */
export const isOpen = (r: Pick<ReleaseRecord, 'state'>): boolean => [...SIGNABLE, 'awaiting_countersign'].includes(r.state);
