// A signer's acts: open, accept the consent, view, sign, decline; and the countersignature. A client
// acts through their portal session, anyone else through their one-time link; both end up here.
import { limits } from '../../../config.ts';
import { objects } from '../../../data/objects.ts';
import { consumeOnFailure } from '../../../data/rate-limit.ts';
import { conflict, gone, invalid, notAllowed, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import { type Client, today } from '../../clients/index.ts';
import { getStudioUser, type Studio, type StudioUser } from '../../studios/index.ts';
import { CONSENT } from '../constants.ts';
import { gateDelete, getRelease, getSigningLink, putBytes, sealOwedPut, type WriteItem } from '../data.ts';
import type { AuditActor, Presence, ReleaseRecord, SignerRecord, SigningLinkRecord } from '../records.ts';
import type { SignatureInput, SignBody, StepBody } from '../schemas.ts';
import { change, event, type NewEvent, sha256 } from './act.ts';
import { mailCountersignRequest, mailDeclined } from './emails.ts';
import { afterSignature, assertSignable } from './rules.ts';
import { sealRelease } from './seal.ts';
import { mailAndRecord, pointerPuts, readyMails, userActor } from './send.ts';
import { marksOf } from './views.ts';

/** Who is acting on which release: a signer found through their session or their link. */
export interface SignerContext {
  studio: Studio;
  releaseId: string;
  signerId: string;
  presence: Presence;
}

const signerActor = (s: SignerRecord): AuditActor => ({
  kind: s.clientId ? 'client' : 'signer',
  id: s.clientId ?? s.signerId,
  name: s.name,
  email: s.email,
});
const signerOf = (r: ReleaseRecord, signerId: string): SignerRecord => {
  const s = r.signers.find((x) => x.signerId === signerId);
  if (!s) throw notFound('No such release.');
  return s;
};

/** A client's own release on their studio's portal (a draft is nobody's yet). */
export async function clientContext(studio: Studio, client: Client, releaseId: string, presence: Presence): Promise<SignerContext> {
  const r = await getRelease(releaseId);
  const signer = r?.studioId === studio.studioId && r.state !== 'draft' ? r.signers.find((s) => s.clientId === client.clientId) : undefined;
  if (!r || !signer) throw notFound('No such release.');
  return { studio, releaseId, signerId: signer.signerId, presence };
}

/**
 * The release and signer a one-time link names, on its studio's portal only. It holds while it is
 * the signer's newest link, until they sign or decline, and until it expires; each try counts
 * against the visitor's hourly budget, so tokens cannot be guessed at speed.
 */
export async function linkContext(studio: Studio, token: string, presence: Presence): Promise<SignerContext> {
  const hash = sha256(token);
  let looked: SigningLinkRecord | null = null;
  // Only tokens that lead nowhere count, so a signer is never locked out by their own visits.
  const found = await consumeOnFailure(
    {
      bucket: 'signlink',
      max: limits.signingLinkTriesPerHour,
      windowSeconds: 3600,
      message: 'Too many wrong signing links from here. Please wait an hour.',
    },
    presence.ip,
    async () => {
      looked = await getSigningLink(hash);
      return looked?.studioId === studio.studioId;
    },
  );
  const link = looked as SigningLinkRecord | null;
  if (!found || !link) throw notFound('This signing link is not valid.');
  const r = await getRelease(link.releaseId);
  const signer = r?.signers.find((s) => s.signerId === link.signerId);
  if (!r || !signer) throw notFound('This signing link is not valid.');
  if (r.state === 'voided') throw gone('release_voided', `${r.title} was voided by ${studio.name}: this link no longer works.`);
  if (r.state === 'declined') throw gone('release_declined', `${r.title} was declined, so it can no longer be signed.`);
  if (signer.state === 'signed' || signer.state === 'declined')
    throw gone(
      'link_spent',
      `This link has been used: you ${signer.state} ${r.title}. The sealed PDF is emailed to you once everyone has signed.`,
    );
  if (signer.linkHash !== hash) throw gone('link_replaced', 'A newer signing link was sent to you: use the one in the latest email.');
  if (link.expiresAt < new Date().toISOString())
    throw gone('link_expired', `This signing link has expired. Ask ${studio.name} to send it again.`);
  return { studio, releaseId: r.releaseId, signerId: signer.signerId, presence: { ...presence, auth: 'one_time_link' } };
}

/** Records the first time a signer opens their release. */
export async function openRelease(ctx: SignerContext): Promise<{ release: ReleaseRecord; signer: SignerRecord }> {
  const { release } = await change(ctx.releaseId, (r) => {
    const s = signerOf(r, ctx.signerId);
    if (s.openedAt || r.state === 'voided') return null;
    const at = new Date().toISOString();
    const next = withSigner(r, { ...s, openedAt: at });
    return { next, events: [event(next, 'opened', signerActor(s), ctx.presence)], extras: pointerPuts(next) };
  });
  return { release, signer: signerOf(release, ctx.signerId) };
}

const withSigner = (r: ReleaseRecord, s: SignerRecord): ReleaseRecord => ({
  ...r,
  signers: r.signers.map((x) => (x.signerId === s.signerId ? s : x)),
});

export async function recordStep(ctx: SignerContext, step: StepBody): Promise<{ release: ReleaseRecord; signer: SignerRecord }> {
  const { release } = await change(ctx.releaseId, (r) => {
    const s = signerOf(r, ctx.signerId);
    assertSignable(r, s, today());
    const at = new Date().toISOString();
    if (step.step === 'consent_accepted') {
      if (step.consentVersion !== CONSENT.version)
        throw invalid('consent_version', 'That is not the consent shown now: reload the page and read it again.', {
          consentVersion: [`must be ${CONSENT.version}`],
        });
      if (s.consentVersion === CONSENT.version) return null;
      const next = withSigner(r, { ...s, consentVersion: CONSENT.version, consentAt: at });
      return { next, events: [event(next, 'consent_accepted', signerActor(s), ctx.presence, `Consent version ${CONSENT.version}`)] };
    }
    if (step.documentHash !== r.document.hash) throw conflict('document_changed', 'This is not the document to sign: reload the page.');
    if (s.viewedAt) return null;
    const next = withSigner({ ...r, state: r.state === 'sent' ? 'viewed' : r.state }, { ...s, viewedAt: at, state: 'viewed' });
    return {
      next,
      events: [
        event(
          next,
          'viewed',
          signerActor(s),
          ctx.presence,
          `All ${r.document.pageCount} page${r.document.pageCount === 1 ? '' : 's'} shown`,
        ),
      ],
      extras: pointerPuts(next),
    };
  });
  return { release, signer: signerOf(release, ctx.signerId) };
}

const describe = (sig: SignatureInput) =>
  sig.kind === 'typed'
    ? `Typed signature "${sig.text}"`
    : `Drawn signature (${sig.strokes.length} stroke${sig.strokes.length === 1 ? '' : 's'})`;

/** Where a signer's signature is kept for the seal (written before the signature is recorded). */
async function keepSignature(r: ReleaseRecord, id: string, signature: SignatureInput, initials: SignatureInput | undefined): Promise<void> {
  await putBytes(
    objects.releaseSignature(r.studioId, r.releaseId, id),
    new TextEncoder().encode(JSON.stringify({ signature, initials })),
    'application/json',
  );
}

export async function signRelease(ctx: SignerContext, body: SignBody): Promise<{ release: ReleaseRecord; signer: SignerRecord }> {
  const first = await getRelease(ctx.releaseId);
  if (!first) throw notFound('No such release.');
  // Checked before the signature is stored, so a refused one leaves nothing behind.
  preCheck(first, signerOf(first, ctx.signerId), body);
  await keepSignature(first, ctx.signerId, body.signature, body.initials);
  let tokens = new Map<string, string | null>();
  const { release } = await change(ctx.releaseId, (r) => {
    const s = signerOf(r, ctx.signerId);
    preCheck(r, s, body);
    const at = new Date().toISOString();
    const signed = withSigner(r, { ...s, state: 'signed', signedAt: at, presence: ctx.presence, linkHash: null });
    const { state, nowDue } = afterSignature(signed);
    const ready = readyMails(signed, nowDue, at);
    tokens = ready.tokens;
    const next: ReleaseRecord = { ...signed, signers: ready.signers, state };
    const events: NewEvent[] = [];
    if (body.initials)
      events.push(event(next, 'field_filled', signerActor(s), ctx.presence, `Initials (${describe(body.initials).toLowerCase()})`));
    events.push(event(next, 'signed', signerActor(s), ctx.presence, describe(body.signature)));
    // The link record stays (until its TTL): a spent link then says so (410) instead of "not valid".
    const extras: WriteItem[] = [
      ...ready.extras,
      ...pointerPuts(next),
      ...(state === 'sealing' ? [sealOwedPut(r.releaseId, r.studioId)] : []),
    ];
    return { next, events, extras };
  });
  const after = await afterSigning(ctx.studio, release, tokens);
  return { release: after, signer: signerOf(after, ctx.signerId) };
}

function preCheck(r: ReleaseRecord, s: SignerRecord, body: SignBody): void {
  assertSignable(r, s, today());
  if (s.consentVersion !== CONSENT.version) throw conflict('consent_required', 'Accept the consent to sign electronically first.');
  if (body.documentHash !== r.document.hash) throw conflict('document_changed', 'This is not the document to sign: reload the page.');
  if (marksOf(r, s.slot).includes('initials') && !body.initials)
    throw invalid('initials_required', 'This document asks for your initials too.', { initials: ['are asked for by the document'] });
}

/** What follows a signature: the next signers' emails, the countersigner's, or the seal. */
async function afterSigning(studio: Studio, r: ReleaseRecord, tokens: Map<string, string | null>): Promise<ReleaseRecord> {
  let release = tokens.size ? await mailAndRecord(studio, r, tokens, false) : r;
  if (release.state === 'awaiting_countersign') await mailCountersignRequest(studio, release);
  if (release.state === 'sealing') release = await sealOrLeaveOwed(studio, release);
  return release;
}

/**
 * Seals now; if that fails, the signature stands (it is recorded) and the seal stays owed: the
 * daily job seals it (retryOwedSeals), and the signer is told it is on its way.
 */
async function sealOrLeaveOwed(studio: Studio, r: ReleaseRecord): Promise<ReleaseRecord> {
  try {
    return await sealRelease(studio, r.releaseId);
  } catch (error) {
    logger.error('A release could not be sealed yet; the daily job tries again', { releaseId: r.releaseId, error });
    return r;
  }
}

export async function declineRelease(ctx: SignerContext, reason: string): Promise<{ release: ReleaseRecord; signer: SignerRecord }> {
  const { release } = await change(ctx.releaseId, (r) => {
    const s = signerOf(r, ctx.signerId);
    assertSignable(r, s, today());
    const at = new Date().toISOString();
    const next = withSigner(
      { ...r, state: 'declined' },
      { ...s, state: 'declined', declinedAt: at, declineReason: reason, presence: ctx.presence, linkHash: null },
    );
    return {
      next,
      events: [event(next, 'declined', signerActor(s), ctx.presence, reason)],
      extras: [...pointerPuts(next), ...(r.gallery && r.requiredForDownloads ? [gateDelete(r.gallery.id, r.releaseId)] : [])],
    };
  });
  const signer = signerOf(release, ctx.signerId);
  await mailDeclined(ctx.studio, release, release.countersigner?.email ?? (await creatorEmail(release)), signer.name, reason);
  return { release, signer };
}

async function creatorEmail(r: ReleaseRecord): Promise<string> {
  return (await getStudioUser(r.createdBy.userId))?.email ?? '';
}

export async function countersignRelease(
  studio: Studio,
  user: StudioUser,
  releaseId: string,
  body: { documentHash: string; signature: SignatureInput; consentVersion: string },
  presence: Presence,
): Promise<ReleaseRecord> {
  const check = (r: ReleaseRecord) => {
    if (r.studioId !== studio.studioId) throw notFound('No such release.');
    if (!r.countersigner) throw conflict('no_countersignature', `${r.title} needs no countersignature.`);
    if (r.countersigner.userId !== user.userId)
      throw notAllowed('not_countersigner', `Only ${r.countersigner.name} can countersign ${r.title}.`);
    if (r.countersigner.signedAt) throw conflict('already_signed', `${r.title} is countersigned already.`);
    if (r.state !== 'awaiting_countersign')
      throw conflict('not_ready', `${r.title} is not ready for the countersignature: every signer signs first.`);
    if (body.consentVersion !== CONSENT.version)
      throw invalid('consent_version', 'Accept the consent to sign electronically shown now.', {
        consentVersion: [`must be ${CONSENT.version}`],
      });
    if (body.documentHash !== r.document.hash) throw conflict('document_changed', 'This is not the document to sign: reload the page.');
  };
  const first = await getRelease(releaseId);
  if (!first) throw notFound('No such release.');
  check(first);
  await keepSignature(first, 'studio', body.signature, undefined);
  const { release } = await change(releaseId, (r) => {
    check(r);
    const at = new Date().toISOString();
    const next: ReleaseRecord = {
      ...r,
      state: 'sealing',
      countersigner: {
        ...(r.countersigner as NonNullable<ReleaseRecord['countersigner']>),
        signedAt: at,
        consentVersion: CONSENT.version,
        presence,
      },
    };
    return {
      next,
      events: [
        event(next, 'consent_accepted', userActor(user), presence, `Consent version ${CONSENT.version}`),
        event(next, 'countersigned', userActor(user), presence, describe(body.signature)),
      ],
      extras: [sealOwedPut(r.releaseId, r.studioId)],
    };
  });
  return sealOrLeaveOwed(studio, release);
}
