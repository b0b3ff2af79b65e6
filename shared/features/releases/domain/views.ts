// What the studio and the signers are shown of a release.
import { presignGet } from '../../../adapters/storage.ts';
import { today } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import { CONSENT, type Mark } from '../constants.ts';
import type { AuditRecord, ReleaseRecord, SignerPointer, SignerRecord } from '../records.ts';
import type {
  AuditEventView,
  ChainCheck,
  ClientReleaseSummary,
  ReleaseDetail,
  ReleaseSummary,
  SignerRelease,
  SignerView,
} from '../schemas.ts';
import { isSignableState, isTurnOf, viewState } from './rules.ts';

const URL_SECONDS = 3600;

const signerView = (s: SignerRecord): SignerView => ({
  signerId: s.signerId,
  slot: s.slot,
  name: s.name,
  email: s.email,
  clientId: s.clientId,
  state: s.state,
  sentAt: s.sentAt,
  viewedAt: s.viewedAt,
  signedAt: s.signedAt,
  declinedAt: s.declinedAt,
  declineReason: s.declineReason,
});

export function releaseSummary(r: ReleaseRecord): ReleaseSummary {
  return {
    releaseId: r.releaseId,
    title: r.title,
    kind: r.kind,
    state: viewState(r, today()),
    signers: r.signers.map(signerView),
    order: r.order,
    gallery: r.gallery,
    project: r.project,
    requiredForDownloads: r.requiredForDownloads,
    deadline: r.deadline,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    completedAt: r.completedAt,
  };
}

async function documentView(r: ReleaseRecord, fileName: string) {
  const [url, pages] = await Promise.all([
    presignGet(r.document.key, { expiresIn: URL_SECONDS, downloadName: fileName }),
    Promise.all(
      (r.document.pages ?? []).map(async (p) => ({
        url: await presignGet(p.key, { expiresIn: URL_SECONDS }),
        width: p.width,
        height: p.height,
      })),
    ),
  ]);
  return { hash: r.document.hash, pageCount: r.document.pageCount, pages, url };
}

/** A file name for the release's PDFs: its title, plain. */
export const pdfName = (r: Pick<ReleaseRecord, 'title'>, suffix = '') => `${r.title}${suffix}.pdf`;

export const auditView = (e: AuditRecord): AuditEventView => ({
  seq: e.seq,
  type: e.type,
  at: e.at,
  actor: { kind: e.actor.kind, name: e.actor.name, email: e.actor.email },
  auth: e.auth,
  ip: e.ip,
  userAgent: e.userAgent,
  documentHash: e.documentHash,
  detail: e.detail,
  prevHash: e.prevHash,
  hash: e.hash,
});

export async function releaseDetail(r: ReleaseRecord, events: AuditRecord[], chain: ChainCheck): Promise<ReleaseDetail> {
  return {
    ...releaseSummary(r),
    countersigner: r.countersigner
      ? { userId: r.countersigner.userId, name: r.countersigner.name, signedAt: r.countersigner.signedAt }
      : null,
    document: await documentView(r, pdfName(r)),
    sealed: r.sealed ? { sealId: r.sealed.sealId, hash: r.sealed.hash, sealedAt: r.sealed.sealedAt } : null,
    voidReason: r.voidReason,
    remindEveryDays: r.remindEveryDays,
    fields: r.fields,
    events: events.map(auditView),
    chain,
  };
}

/** The marks the document asks of this signer (a signature always). */
export const marksOf = (r: ReleaseRecord, slot: string): Mark[] => {
  const marks = new Set<Mark>(['sign']);
  for (const spot of r.document.spots) if (spot.slot === slot) marks.add(spot.mark);
  return [...marks];
};

export async function signerRelease(studio: Studio, r: ReleaseRecord, signer: SignerRecord): Promise<SignerRelease> {
  const state = viewState(r, today());
  return {
    releaseId: r.releaseId,
    title: r.title,
    kind: r.kind,
    studioName: studio.name,
    state,
    deadline: r.deadline,
    me: {
      signerId: signer.signerId,
      name: signer.name,
      state: signer.state,
      canSign: isSignableState(state) && ['pending', 'viewed'].includes(signer.state) && isTurnOf(r, signer),
      consentVersion: signer.consentVersion === CONSENT.version ? signer.consentVersion : null,
      marks: marksOf(r, signer.slot),
      signedAt: signer.signedAt,
    },
    signers: r.signers.map((s) => ({ name: s.name, state: s.state })),
    document: await documentView(r, pdfName(r)),
    sealed: r.sealed ? { sealId: r.sealed.sealId, hash: r.sealed.hash, sealedAt: r.sealed.sealedAt } : null,
  };
}

export function clientReleaseSummary(studio: Studio, p: SignerPointer, r: ReleaseRecord | undefined): ClientReleaseSummary {
  return {
    releaseId: p.releaseId,
    title: p.title,
    kind: p.kind,
    studioName: studio.name,
    state: r ? viewState(r, today()) : 'sent',
    myState: p.myState,
    deadline: p.deadline,
    sentAt: p.sentAt,
    completedAt: r?.completedAt ?? null,
  };
}
