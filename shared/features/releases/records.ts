// Releases: a release's partition RELEASE#<releaseId> holds its META (state, signers, document,
// seal, the audit chain's head); its append-only audit events are RELAUDIT#<releaseId>/EVT#<seq>; a pointer per client
// signer sits on the client's GSI1 partition (their portal home and list read it); templates live
// in the studio's partition; one-time signing links, seals and gallery gates point at a release.
import type { FeatureRecords } from '../../data/records.ts';
import { keys as projectKeys } from '../projects/index.ts';
import type { AuditEventType, AuthMethod, ReleaseKind, SignerState, SigningOrder } from './constants.ts';

/** Where a party signs, initials or dates on the document (PDF points, origin bottom-left; page 0-based). */
export interface Spot {
  slot: string;
  mark: 'sign' | 'initials' | 'date';
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is stored; `expired` is derived when read (views.ts), and `sealing` is the claim of the one request that seals. */
export type StoredState =
  | 'draft'
  | 'sent'
  | 'viewed'
  | 'partly_signed'
  | 'awaiting_countersign'
  | 'sealing'
  | 'completed'
  | 'declined'
  | 'voided';

export interface TemplateRecord {
  templateId: string;
  studioId: string;
  name: string;
  kind: ReleaseKind;
  format: 'text' | 'pdf';
  source: string | null;
  pdfUploaded: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Where a signer was when they did something: the audit trail and the certificate page say it. */
export interface Presence {
  auth: AuthMethod;
  ip: string;
  userAgent: string;
}

export interface SignerRecord {
  signerId: string;
  /** '1'..'10': the template's [[sign:1]] marks name signers by it, in send order. */
  slot: string;
  name: string;
  email: string;
  clientId: string | null;
  state: SignerState;
  sentAt: string | null;
  openedAt: string | null;
  viewedAt: string | null;
  consentVersion: string | null;
  consentAt: string | null;
  signedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  /** Where they signed (or declined) from. */
  presence: Presence | null;
  /** The one-time link's token hash in force (a resend replaces it), for someone without a portal account. */
  linkHash: string | null;
}

export interface CountersignerRecord {
  userId: string;
  name: string;
  email: string;
  signedAt: string | null;
  consentVersion: string | null;
  presence: Presence | null;
}

export interface ReleaseDocument {
  key: string;
  /** SHA-256 of the exact bytes every signer is shown and that are sealed. */
  hash: string;
  pageCount: number;
  spots: Spot[];
  /** Page images rendered from those bytes (renderReleasePages), null until they are made. */
  pages: { key: string; width: number; height: number }[] | null;
}

export interface ReleaseRecord {
  releaseId: string;
  studioId: string;
  title: string;
  kind: ReleaseKind;
  templateId: string;
  state: StoredState;
  order: SigningOrder;
  signers: SignerRecord[];
  countersigner: CountersignerRecord | null;
  deadline: string | null;
  remindEveryDays: number;
  lastRemindedAt: string | null;
  gallery: { id: string; title: string } | null;
  project: { id: string; title: string } | null;
  requiredForDownloads: boolean;
  fields: Record<string, string>;
  document: ReleaseDocument;
  sealed: { sealId: string; key: string; hash: string; sealedAt: string } | null;
  voidReason: string | null;
  /** The audit chain's last event: every append is conditional on it. */
  head: { seq: number; hash: string };
  createdBy: { userId: string; name: string };
  createdAt: string;
  sentAt: string | null;
  completedAt: string | null;
  updatedAt: string;
}

export interface AuditActor {
  kind: 'user' | 'client' | 'signer' | 'system';
  id: string | null;
  name: string;
  email: string | null;
}

/** One link of a release's hash chain. Never updated or deleted by any route. */
export interface AuditRecord {
  releaseId: string;
  seq: number;
  type: AuditEventType;
  at: string;
  actor: AuditActor;
  auth: AuthMethod;
  ip: string | null;
  userAgent: string | null;
  documentHash: string;
  detail: string | null;
  prevHash: string;
  hash: string;
}

/** A client signer's pointer on their GSI1 partition: what their portal lists without reading the release. */
export interface SignerPointer {
  releaseId: string;
  studioId: string;
  clientId: string;
  signerId: string;
  title: string;
  kind: ReleaseKind;
  myState: SignerState;
  /** Whether the release can still be signed (not completed, declined or voided). */
  open: boolean;
  deadline: string | null;
  sentAt: string;
}

export interface SigningLinkRecord {
  releaseId: string;
  studioId: string;
  signerId: string;
  expiresAt: string;
}

export interface SealRecord {
  sealId: string;
  releaseId: string;
  studioId: string;
  hash: string;
  sealedAt: string;
}

export interface GateRecord {
  releaseId: string;
  galleryId: string;
  studioId: string;
  title: string;
  /** The client signers whose downloads wait for the release. */
  clientIds: string[];
}

/** The leading key of every audit record's partition: infra denies every update and delete under it. */
export const AUDIT_PARTITION = 'RELAUDIT#';

const seq6 = (seq: number) => String(seq).padStart(6, '0');
const releasePartition = (releaseId: string) => `RELEASE#${releaseId}`;

export const keys = {
  release: (releaseId: string) => ({ PK: releasePartition(releaseId), SK: 'META' }),
  /** The document's page images, apart from META: the pipeline writes them while signers may be writing META. */
  releasePages: (releaseId: string) => ({ PK: releasePartition(releaseId), SK: 'PAGES' }),
  /** The studio's releases on GSI1, newest first. */
  studioReleasesIndex: (studioId: string, createdAt: string, releaseId: string) => ({
    GSI1PK: `RELEASES#${studioId}`,
    GSI1SK: `RELEASE#${createdAt}#${releaseId}`,
  }),
  studioReleases: (studioId: string) => ({ GSI1PK: `RELEASES#${studioId}`, GSI1SKPrefix: 'RELEASE#' }),
  /**
   * The audit trail has a partition of its own, so IAM can refuse every update and delete of it
   * (infra/lambda.ts) while the release's META beside it changes.
   */
  audit: (releaseId: string, seq: number) => ({ PK: `${AUDIT_PARTITION}${releaseId}`, SK: `EVT#${seq6(seq)}` }),
  auditTrail: (releaseId: string) => ({ PK: `${AUDIT_PARTITION}${releaseId}`, SKPrefix: 'EVT#' }),
  signerPointer: (releaseId: string, clientId: string) => ({ PK: releasePartition(releaseId), SK: `SIGNER#${clientId}` }),
  signerPointerIndex: (clientId: string, sentAt: string, releaseId: string) => ({
    ...projectKeys.clientIndex(clientId),
    GSI1SK: `RELEASE#${sentAt}#${releaseId}`,
  }),
  clientReleases: (clientId: string) => ({ ...projectKeys.clientIndex(clientId), GSI1SKPrefix: 'RELEASE#' }),
  template: (studioId: string, templateId: string) => ({ PK: `STUDIO#${studioId}`, SK: `RELTPL#${templateId}` }),
  studioTemplates: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'RELTPL#' }),
  signingLink: (tokenHash: string) => ({ PK: `SIGNLINK#${tokenHash}`, SK: 'LINK' }),
  seal: (sealId: string) => ({ PK: `SEAL#${sealId}`, SK: 'SEAL' }),
  sealByHash: (hash: string) => ({ PK: `SEALHASH#${hash}`, SK: 'SEAL' }),
  /** A release whose seal is owed (moved to `sealing`, not yet completed): the daily job retries one left behind. */
  sealOwed: (releaseId: string) => ({ PK: 'RELSEALOWED', SK: `RELEASE#${releaseId}` }),
  sealsOwed: () => ({ PK: 'RELSEALOWED', SKPrefix: 'RELEASE#' }),
  /** A release due a reminder on `date` (the daily job reads that day's partition). */
  reminder: (date: string, releaseId: string) => ({ PK: `RELREMIND#${date}`, SK: `RELEASE#${releaseId}` }),
  remindersOn: (date: string) => ({ PK: `RELREMIND#${date}`, SKPrefix: 'RELEASE#' }),
  gate: (galleryId: string, releaseId: string) => ({ PK: `RELGATE#${galleryId}`, SK: `RELEASE#${releaseId}` }),
  galleryGates: (galleryId: string) => ({ PK: `RELGATE#${galleryId}`, SKPrefix: 'RELEASE#' }),
} as const;

export const records: FeatureRecords = {
  feature: 'releases',
  rows: [
    {
      record: 'Release (state, signers, document, seal, chain head)',
      PK: 'RELEASE#<releaseId>',
      SK: 'META',
      GSI1PK: 'RELEASES#<studioId>',
      GSI1SK: 'RELEASE#<createdAt>#<releaseId>',
    },
    { record: "Release document's page images", PK: 'RELEASE#<releaseId>', SK: 'PAGES' },
    { record: 'Release audit event (append-only hash chain)', PK: 'RELAUDIT#<releaseId>', SK: 'EVT#<seq, 6 digits>' },
    {
      record: "Client signer's pointer",
      PK: 'RELEASE#<releaseId>',
      SK: 'SIGNER#<clientId>',
      GSI1PK: 'CLIENT#<clientId>',
      GSI1SK: 'RELEASE#<sentAt>#<releaseId>',
    },
    { record: 'Release template', PK: 'STUDIO#<studioId>', SK: 'RELTPL#<templateId>' },
    { record: 'One-time signing link', PK: 'SIGNLINK#<sha256(token)>', SK: 'LINK', ttl: true },
    { record: 'Seal (by seal id)', PK: 'SEAL#<sealId>', SK: 'SEAL' },
    { record: 'Seal (by the sealed PDF’s SHA-256)', PK: 'SEALHASH#<sha256>', SK: 'SEAL' },
    { record: 'Seal owed (a release in sealing)', PK: 'RELSEALOWED', SK: 'RELEASE#<releaseId>' },
    { record: 'Reminder due', PK: 'RELREMIND#<YYYY-MM-DD>', SK: 'RELEASE#<releaseId>', ttl: true },
    { record: "Gallery's download gate", PK: 'RELGATE#<galleryId>', SK: 'RELEASE#<releaseId>' },
  ],
  accessPatterns: [
    'A release with its audit trail (studio detail, sealing, chain check): the release Query and a Query of RELAUDIT#<releaseId>, in parallel.',
    'A release: one Query of RELEASE#<releaseId> with SK BETWEEN META AND PAGES (consistent) returns META and its page images.',
    'A signer acting (open, step, sign, decline): GetItem META; the write is one transaction: META on condition its chain head is the one read (head.seq), a Put of each new RELAUDIT#…/EVT#<seq> on condition it is new, and the signer pointers.',
    "The studio's releases, newest first: Query GSI1 RELEASES#<studioId>, ScanIndexForward false, paged.",
    "A client's releases: Query GSI1 CLIENT#<clientId> with GSI1SK begins_with RELEASE# (the portal home's one Query of CLIENT#<clientId> returns them too), then one BatchGetItem of their META for the states.",
    "The studio's templates: Query STUDIO#<studioId> begins_with RELTPL#.",
    'A one-time link: GetItem SIGNLINK#<sha256(token)> → release and signer; the link holds while the signer record names the same hash.',
    'Verify a PDF: GetItem SEAL#<sealId> (the id found in the file) or SEALHASH#<sha256>, then the release Query for the chain check.',
    'Seals left behind (a sealing request that failed): the daily job Queries RELSEALOWED (put with the move to sealing, deleted with completed) and seals those older than a few minutes.',
    "The daily reminders: Query RELREMIND#<today>; each release still waiting is reminded and its next day's item put.",
    'A client downloading from a gallery: Query RELGATE#<galleryId>; a gate naming the client holds their downloads back.',
  ],
};
