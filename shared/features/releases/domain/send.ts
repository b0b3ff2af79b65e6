// Sending, reminding, resending and voiding: the studio's acts on a release. A signer without a
// portal account gets a one-time link; each new email to them mints a new one and retires the old.

import { conflict, notFound } from '../../../errors.ts';
import { today } from '../../clients/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { RELEASE_LIMITS } from '../constants.ts';
import { gateDelete, gatePut, linkPut, pointerPut, reminderPut, type WriteItem } from '../data.ts';
import type { AuditActor, Presence, ReleaseRecord, SignerPointer, SignerRecord } from '../records.ts';
import { change, event, NO_PRESENCE, newLinkToken, SYSTEM } from './act.ts';
import { mailSigningRequest } from './emails.ts';
import { dueAtSend, isOpen } from './rules.ts';

export const userActor = (user: StudioUser): AuditActor => ({ kind: 'user', id: user.userId, name: user.name, email: user.email });

export function pointerOf(r: ReleaseRecord, s: SignerRecord): SignerPointer | null {
  if (!s.clientId || !r.sentAt) return null;
  return {
    releaseId: r.releaseId,
    studioId: r.studioId,
    clientId: s.clientId,
    signerId: s.signerId,
    title: r.title,
    kind: r.kind,
    myState: s.state,
    open: isOpen(r),
    deadline: r.deadline,
    sentAt: r.sentAt,
  };
}

/** The pointers of every client signer, as the release now is. */
export const pointerPuts = (r: ReleaseRecord): WriteItem[] =>
  r.signers.flatMap((s) => {
    const p = pointerOf(r, s);
    return p ? [pointerPut(p)] : [];
  });

/** When a link minted now stops working: the deadline's end, or RELEASE_LIMITS.linkDays from now. */
const linkExpiry = (r: ReleaseRecord) =>
  r.deadline ? `${r.deadline}T23:59:59.999Z` : new Date(Date.now() + RELEASE_LIMITS.linkDays * 86_400_000).toISOString();

/**
 * Readies emails to `due` signers: marks them pending, mints a fresh link for each one without a
 * portal account (retiring the old one). Returns the signers as they now are, the transaction's
 * link items, and the tokens to mail (by signer id).
 */
export function readyMails(r: ReleaseRecord, due: SignerRecord[], at: string) {
  const tokens = new Map<string, string | null>();
  const extras: WriteItem[] = [];
  const dueIds = new Set(due.map((s) => s.signerId));
  const signers = r.signers.map((s) => {
    if (!dueIds.has(s.signerId)) return s;
    let linkHash = s.linkHash;
    if (!s.clientId) {
      // The old link's record stays (until its TTL), so it answers "a newer link was sent".
      const { token, hash } = newLinkToken();
      extras.push(linkPut(hash, { releaseId: r.releaseId, studioId: r.studioId, signerId: s.signerId, expiresAt: linkExpiry(r) }));
      tokens.set(s.signerId, token);
      linkHash = hash;
    } else tokens.set(s.signerId, null);
    return { ...s, state: s.state === 'waiting' ? ('pending' as const) : s.state, sentAt: s.sentAt ?? at, linkHash };
  });
  return { signers, extras, tokens };
}

/** Mails the signers readied by readyMails, then records each mail handed over in the trail. */
export async function mailAndRecord(
  studio: Studio,
  r: ReleaseRecord,
  tokens: Map<string, string | null>,
  reminder: boolean,
): Promise<ReleaseRecord> {
  const sent: SignerRecord[] = [];
  for (const s of r.signers) {
    if (!tokens.has(s.signerId)) continue;
    if (await mailSigningRequest(studio, r, s, tokens.get(s.signerId) ?? null, reminder)) sent.push(s);
  }
  if (sent.length === 0) return r;
  const out = await change(r.releaseId, (now) => ({
    next: now,
    events: sent.map((s) =>
      event(
        now,
        'email_sent',
        SYSTEM,
        NO_PRESENCE,
        `${reminder ? 'Reminder' : 'Signing request'} to ${s.name} <${s.email}>${s.clientId ? ' (portal link)' : ' (one-time link)'}`,
      ),
    ),
  }));
  return out.release;
}

/** The day the next reminder is due, if the release has reminders and that day is not past its deadline. */
function nextReminder(r: ReleaseRecord, from = today()): WriteItem[] {
  if (r.remindEveryDays <= 0) return [];
  const date = new Date(Date.parse(`${from}T00:00:00Z`) + r.remindEveryDays * 86_400_000).toISOString().slice(0, 10);
  return r.deadline && date > r.deadline ? [] : [reminderPut(date, r.releaseId)];
}

export async function sendRelease(studio: Studio, user: StudioUser, releaseId: string, presence: Presence): Promise<ReleaseRecord> {
  let tokens = new Map<string, string | null>();
  const { release } = await change(releaseId, (r) => {
    if (r.studioId !== studio.studioId) throw notFound('No such release.');
    if (r.state !== 'draft') throw conflict('already_sent', `${r.title} has been sent already.`);
    if (r.deadline && r.deadline < today())
      throw conflict('deadline_passed', 'The deadline has passed: void this draft and make a new one.');
    const at = new Date().toISOString();
    const sentRelease: ReleaseRecord = { ...r, state: 'sent', sentAt: at };
    const ready = readyMails(sentRelease, dueAtSend(sentRelease), at);
    tokens = ready.tokens;
    const next: ReleaseRecord = { ...sentRelease, signers: ready.signers };
    const clientIds = next.signers.flatMap((s) => (s.clientId ? [s.clientId] : []));
    const gate =
      next.requiredForDownloads && next.gallery
        ? [gatePut({ releaseId: next.releaseId, galleryId: next.gallery.id, studioId: next.studioId, title: next.title, clientIds })]
        : [];
    return {
      next,
      events: [
        event(
          next,
          'sent',
          userActor(user),
          presence,
          `To ${next.signers.map((s) => s.name).join(', ')}, ${next.order === 'parallel' ? 'in parallel' : 'in order'}`,
        ),
      ],
      extras: [...ready.extras, ...pointerPuts(next), ...gate, ...nextReminder(next)],
    };
  });
  return mailAndRecord(studio, release, tokens, false);
}

/** Everyone whose turn it is and who has not signed gets the email again (link signers: a fresh link). */
export async function remindRelease(
  studio: Studio,
  actor: AuditActor,
  releaseId: string,
  presence: Presence,
  only?: string,
  /** The reminder day this is (the daily job): the next one is counted from it. */
  on?: string,
): Promise<ReleaseRecord> {
  let tokens = new Map<string, string | null>();
  const { release } = await change(releaseId, (r) => {
    if (r.studioId !== studio.studioId) throw notFound('No such release.');
    if (!isOpen(r) || r.state === 'awaiting_countersign') throw conflict('not_waiting', `${r.title} is not waiting for any signer.`);
    const due = r.signers.filter((s) => (s.state === 'pending' || s.state === 'viewed') && (!only || s.signerId === only));
    if (only && due.length === 0) {
      if (!r.signers.some((s) => s.signerId === only)) throw notFound('No such signer.');
      throw conflict('signer_not_waiting', 'This signer has signed, declined, or is not due yet.');
    }
    if (due.length === 0) return null;
    const at = new Date().toISOString();
    const ready = readyMails(r, due, at);
    tokens = ready.tokens;
    const next: ReleaseRecord = { ...r, signers: ready.signers, lastRemindedAt: at };
    return {
      next,
      events: [event(next, only ? 'resent' : 'reminded', actor, presence, `To ${due.map((s) => s.name).join(', ')}`)],
      extras: [...ready.extras, ...(only ? [] : nextReminder(next, on))],
    };
  });
  return tokens.size ? mailAndRecord(studio, release, tokens, !only) : release;
}

export async function voidRelease(
  studio: Studio,
  user: StudioUser,
  releaseId: string,
  reason: string,
  presence: Presence,
): Promise<ReleaseRecord> {
  const { release } = await change(releaseId, (r) => {
    if (r.studioId !== studio.studioId) throw notFound('No such release.');
    if (r.state === 'completed' || r.state === 'sealing')
      throw conflict('completed', `${r.title} is signed by everyone: a completed release cannot be voided.`);
    if (r.state === 'voided') throw conflict('already_voided', `${r.title} was voided already.`);
    const next: ReleaseRecord = { ...r, state: 'voided', voidReason: reason };
    return {
      next,
      events: [event(next, 'voided', userActor(user), presence, reason)],
      extras: [...pointerPuts(next), ...(r.gallery && r.requiredForDownloads && r.sentAt ? [gateDelete(r.gallery.id, r.releaseId)] : [])],
    };
  });
  return release;
}
