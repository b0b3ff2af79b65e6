// The seal: once the last signature is in, the one request that moved the release to `sealing`
// draws the signatures into the document, adds a certificate page per signer, signs the PDF with
// the deployment's key (PAdES, ETSI.CAdES.detached) and records "completed" with the sealed file's
// hash, in the same transaction that makes the seal findable on the verify page.
import { randomBytes } from 'node:crypto';
import { sealKey } from '../../../adapters/seal-key.ts';
import { objects } from '../../../data/objects.ts';
import { logger } from '../../../logger.ts';
import type { Studio } from '../../studios/index.ts';
import { getStudio } from '../../studios/index.ts';
import { AUTH_METHOD_NAMES, CONSENT, STUDIO_SLOT } from '../constants.ts';
import { gateDelete, getBytes, getRelease, putBytes, sealOwedDelete, sealPuts, sealsOwed } from '../data.ts';
import { type SignerCertificate, sealPdf } from '../pdf/seal.ts';
import { localClockAuthority } from '../pdf/timestamps.ts';
import type { ReleaseRecord } from '../records.ts';
import type { SignatureInput } from '../schemas.ts';
import { change, event, NO_PRESENCE, SYSTEM, sha256 } from './act.ts';
import { mailSealed } from './emails.ts';
import { pointerPuts } from './send.ts';
import { pdfName } from './views.ts';

async function signatureOf(r: ReleaseRecord, id: string): Promise<{ signature: SignatureInput; initials?: SignatureInput }> {
  const bytes = await getBytes(objects.releaseSignature(r.studioId, r.releaseId, id));
  if (!bytes) throw new Error(`Release ${r.releaseId}: the signature of ${id} is missing`);
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Seals a release in `sealing` (a no-op otherwise) and mails everyone their copy. */
export async function sealRelease(studio: Studio, releaseId: string): Promise<ReleaseRecord> {
  const r = await getRelease(releaseId);
  if (!r || r.state !== 'sealing') return r as ReleaseRecord;
  const document = await getBytes(r.document.key);
  if (!document || sha256(document) !== r.document.hash) throw new Error(`Release ${releaseId}: the stored document is not the one signed`);

  const signatures = await Promise.all(
    r.signers.map(async (s) => ({ slot: s.slot, name: s.name, signedAt: s.signedAt as string, ...(await signatureOf(r, s.signerId)) })),
  );
  const certificates: SignerCertificate[] = r.signers.map((s) => ({
    slot: s.slot,
    name: s.name,
    email: s.email,
    authentication: AUTH_METHOD_NAMES[s.presence?.auth ?? 'system'],
    ip: s.presence?.ip ?? '',
    userAgent: s.presence?.userAgent ?? '',
    sentAt: s.sentAt ?? undefined,
    viewedAt: s.viewedAt ?? undefined,
    signedAt: s.signedAt as string,
    consentVersion: s.consentVersion ?? CONSENT.version,
  }));
  const c = r.countersigner;
  if (c?.signedAt) {
    signatures.push({ slot: STUDIO_SLOT, name: c.name, signedAt: c.signedAt, ...(await signatureOf(r, 'studio')) });
    certificates.push({
      slot: STUDIO_SLOT,
      name: c.name,
      email: c.email,
      authentication: AUTH_METHOD_NAMES[c.presence?.auth ?? 'studio_session'],
      ip: c.presence?.ip ?? '',
      userAgent: c.presence?.userAgent ?? '',
      signedAt: c.signedAt,
      consentVersion: c.consentVersion ?? CONSENT.version,
    });
  }
  const key = await sealKey();
  const sealId = randomBytes(16).toString('base64url');
  const completedAt = new Date().toISOString();
  const sealed = await sealPdf({
    document,
    documentHash: r.document.hash,
    spots: r.document.spots,
    signatures,
    certificates,
    release: { id: r.releaseId, sealId, title: r.title, studioName: studio.name, completedAt },
    chainHead: r.head,
    key: { p12: Buffer.from(key.p12Base64, 'base64'), passphrase: key.passphrase },
    timestamp: localClockAuthority,
  });
  const hash = sha256(sealed);
  const sealedKey = objects.releaseSealed(r.studioId, r.releaseId);
  await putBytes(sealedKey, sealed, 'application/pdf');
  const { release } = await change(releaseId, (now) => {
    if (now.state !== 'sealing') return null;
    const next: ReleaseRecord = {
      ...now,
      state: 'completed',
      completedAt,
      sealed: { sealId, key: sealedKey, hash, sealedAt: completedAt },
    };
    return {
      next,
      events: [event(next, 'completed', SYSTEM, NO_PRESENCE, `Sealed PDF: SHA-256 ${hash}, seal ${sealId}`)],
      extras: [
        ...sealPuts({ sealId, releaseId, studioId: r.studioId, hash, sealedAt: completedAt }),
        sealOwedDelete(releaseId),
        ...pointerPuts(next),
        ...(r.gallery && r.requiredForDownloads ? [gateDelete(r.gallery.id, r.releaseId)] : []),
      ],
    };
  });
  if (release.state === 'completed' && release.sealed?.sealId === sealId) {
    logger.info('Release sealed', { releaseId, sealId, bytes: sealed.byteLength });
    const to = [...release.signers.map((s) => ({ name: s.name, email: s.email })), ...(c ? [{ name: c.name, email: c.email }] : [])];
    for (const person of to) await mailSealed(studio, release, person, sealed, pdfName(release, ' (sealed)'));
  }
  return release;
}

/** Seals the releases a failed sealing left in `sealing` for more than `graceMs` (the daily job). */
export async function retryOwedSeals(now: Date, graceMs = 5 * 60_000): Promise<number> {
  let sealed = 0;
  for (const owed of await sealsOwed()) {
    if (Date.parse(owed.since) > now.getTime() - graceMs) continue;
    try {
      const studio = await getStudio(owed.studioId);
      if (studio && (await sealRelease(studio, owed.releaseId))?.state === 'completed') sealed++;
    } catch (error) {
      logger.error('A release still cannot be sealed', { releaseId: owed.releaseId, error });
    }
  }
  return sealed;
}
