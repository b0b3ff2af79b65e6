// Releases' request and answer schemas, and the types inferred from them.
import * as z from 'zod/mini';
import { Email, FutureIsoDate, HeaderSafeText, Id, IntBetween, IsoDate, NameText, named, Text, Uuid } from '../../schemas.ts';
import {
  AUDIT_EVENTS,
  AUTH_METHODS,
  MARKS,
  PAD,
  RELEASE_KINDS,
  RELEASE_LIMITS,
  RELEASE_STATES,
  SIGNER_STATES,
  SIGNING_ORDERS,
} from './constants.ts';

export const ReleaseParams = z.strictObject({ releaseId: Uuid });
export const SignerParams = z.strictObject({ releaseId: Uuid, signerId: Uuid });
/** A studio's template (a uuid) or a starter that ships with Portico (`starter-…`). */
export const TemplateParams = z.strictObject({ templateId: Id });

const ReleaseKind = z.enum(RELEASE_KINDS);
const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 hash in lowercase hex' }));
const TemplateName = HeaderSafeText(1, RELEASE_LIMITS.templateName);
const TemplateSource = Text(1, RELEASE_LIMITS.templateSource);

// ── Templates ───────────────────────────────────────────────────────────────────────────────────

export const CreateTemplateBody = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('text'), name: TemplateName, kind: ReleaseKind, source: TemplateSource }),
  /** A studio's own PDF: upload it next (templatePdfUpload), a signature page is appended when a release is made of it. */
  z.strictObject({ format: z.literal('pdf'), name: TemplateName, kind: ReleaseKind }),
]);
export type CreateTemplateBody = z.output<typeof CreateTemplateBody>;

export const UpdateTemplateBody = z
  .strictObject({ name: z.optional(TemplateName), kind: z.optional(ReleaseKind), source: z.optional(TemplateSource) })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));
export type UpdateTemplateBody = z.output<typeof UpdateTemplateBody>;

export const TemplatePdfBody = z.strictObject({ size: IntBetween(1, RELEASE_LIMITS.pdfBytes) });

export const TemplateView = named(
  z.object({
    templateId: z.string(),
    name: z.string(),
    kind: ReleaseKind,
    format: z.enum(['text', 'pdf']),
    /** The text of a text template (null for a PDF). */
    source: z.nullable(z.string()),
    /** The fields it fills in, e.g. `client.name`, `custom.fee`: a release names a value for each `custom.` and `shoot.date`. */
    fields: z.array(z.string()),
    /** A PDF template: whether its file has been uploaded. */
    pdfUploaded: z.boolean(),
    /** Ships with Portico: read-only (make a copy to change it). */
    starter: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  'ReleaseTemplate',
);
export type TemplateView = z.infer<typeof TemplateView>;

export const UploadTicket = z.object({ url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() });

// ── Releases ────────────────────────────────────────────────────────────────────────────────────

const SignerInput = z.union([
  z.strictObject({ clientId: Uuid }),
  /** Someone without a portal account: they sign through a one-time link sent to this address. */
  z.strictObject({ name: NameText(1, 80), email: Email }),
]);
export type SignerInput = z.output<typeof SignerInput>;

const FieldKey = z.string().check(z.regex(/^custom\.[a-z][a-z0-9_]{0,31}$/, { error: 'must be a custom field like custom.fee' }));
const FieldValue = Text(0, RELEASE_LIMITS.fieldValue);

export const CreateReleaseBody = z
  .strictObject({
    templateId: Id,
    title: HeaderSafeText(1, RELEASE_LIMITS.title),
    signers: z.array(SignerInput).check(z.minLength(1), z.maxLength(RELEASE_LIMITS.signers)),
    order: z._default(z.enum(SIGNING_ORDERS), 'parallel'),
    /** A team member who countersigns once every signer has. */
    countersignerId: z.optional(z.nullable(Uuid)),
    deadline: z.optional(z.nullable(FutureIsoDate)),
    /** Days between reminders to those who have not signed (0: none). */
    remindEveryDays: z._default(IntBetween(0, RELEASE_LIMITS.remindEveryDays), 3),
    galleryId: z.optional(z.nullable(Uuid)),
    projectId: z.optional(z.nullable(Uuid)),
    /** With a gallery: its downloads stay closed to the signers until the release is completed. */
    requiredForDownloads: z._default(z.boolean(), false),
    shootDate: z.optional(z.nullable(IsoDate)),
    fields: z._default(z.record(FieldKey, FieldValue), {}),
    /** Send at once instead of keeping a draft. */
    send: z._default(z.boolean(), false),
  })
  .check(
    z.refine((b) => Object.keys(b.fields).length <= RELEASE_LIMITS.customFields, {
      error: `must have at most ${RELEASE_LIMITS.customFields} custom fields`,
      path: ['fields'],
    }),
    z.refine((b) => !b.requiredForDownloads || Boolean(b.galleryId), {
      error: 'needs a gallery: only a gallery has downloads to hold back',
      path: ['requiredForDownloads'],
    }),
  );
export type CreateReleaseBody = z.output<typeof CreateReleaseBody>;

export const VoidBody = z.strictObject({ reason: Text(1, RELEASE_LIMITS.voidReason) });
export const DeclineBody = z.strictObject({ reason: Text(1, RELEASE_LIMITS.declineReason) });

const Point = z.tuple([IntBetween(0, PAD.width), IntBetween(0, PAD.height)]);
const Stroke = z.strictObject({ points: z.array(Point).check(z.minLength(1), z.maxLength(RELEASE_LIMITS.pointsPerStroke)) });
export const SignatureInput = named(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('typed'), text: NameText(1, RELEASE_LIMITS.typedSignature) }),
    z.strictObject({ kind: z.literal('drawn'), strokes: z.array(Stroke).check(z.minLength(1), z.maxLength(RELEASE_LIMITS.strokes)) }),
  ]),
  'SignatureInput',
);
export type SignatureInput = z.output<typeof SignatureInput>;

export const SignBody = z.strictObject({
  /** The SHA-256 of the document the signer was shown: signing another version is refused. */
  documentHash: Sha256,
  signature: SignatureInput,
  initials: z.optional(SignatureInput),
});
export type SignBody = z.output<typeof SignBody>;

/** What a signer did on the page before signing: accepted the consent, or saw the document. */
export const StepBody = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('consent_accepted'), consentVersion: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.strictObject({ step: z.literal('viewed'), documentHash: Sha256 }),
]);
export type StepBody = z.output<typeof StepBody>;

export const TokenBody = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{32,128}$/, { error: 'must be a signing link token' })),
});
export const TokenStepBody = z.strictObject({ token: TokenBody.shape.token, step: StepBody });
export const TokenSignBody = z.strictObject({ token: TokenBody.shape.token, ...SignBody.shape });
export const TokenDeclineBody = z.strictObject({ token: TokenBody.shape.token, ...DeclineBody.shape });

export const CountersignBody = z.strictObject({
  documentHash: Sha256,
  signature: SignatureInput,
  consentVersion: z.string().check(z.maxLength(64)),
});
export type CountersignBody = z.output<typeof CountersignBody>;

export const SignerView = named(
  z.object({
    signerId: z.string(),
    slot: z.string(),
    name: z.string(),
    email: z.string(),
    clientId: z.nullable(z.string()),
    state: z.enum(SIGNER_STATES),
    sentAt: z.nullable(z.string()),
    viewedAt: z.nullable(z.string()),
    signedAt: z.nullable(z.string()),
    declinedAt: z.nullable(z.string()),
    declineReason: z.nullable(z.string()),
  }),
  'ReleaseSigner',
);
export type SignerView = z.infer<typeof SignerView>;

const Link = z.nullable(z.object({ id: z.string(), title: z.string() }));

export const ReleaseSummary = named(
  z.object({
    releaseId: z.string(),
    title: z.string(),
    kind: ReleaseKind,
    state: z.enum(RELEASE_STATES),
    signers: z.array(SignerView),
    order: z.enum(SIGNING_ORDERS),
    gallery: Link,
    project: Link,
    requiredForDownloads: z.boolean(),
    deadline: z.nullable(z.string()),
    createdAt: z.string(),
    sentAt: z.nullable(z.string()),
    completedAt: z.nullable(z.string()),
  }),
  'ReleaseSummary',
);
export type ReleaseSummary = z.infer<typeof ReleaseSummary>;

export const AuditEventView = named(
  z.object({
    seq: z.int(),
    type: z.enum(AUDIT_EVENTS),
    at: z.string(),
    actor: z.object({ kind: z.enum(['user', 'client', 'signer', 'system']), name: z.string(), email: z.nullable(z.string()) }),
    auth: z.enum(AUTH_METHODS),
    ip: z.nullable(z.string()),
    userAgent: z.nullable(z.string()),
    documentHash: z.string(),
    detail: z.nullable(z.string()),
    prevHash: z.string(),
    hash: z.string(),
  }),
  'ReleaseAuditEvent',
);
export type AuditEventView = z.infer<typeof AuditEventView>;

export const ChainCheck = named(
  z.object({
    intact: z.boolean(),
    events: z.int(),
    head: z.nullable(z.object({ seq: z.int(), hash: z.string() })),
    /** The first link that does not hold, and why. */
    brokenAt: z.nullable(z.object({ seq: z.int(), reason: z.string() })),
  }),
  'ReleaseChainCheck',
);
export type ChainCheck = z.infer<typeof ChainCheck>;

const DocumentView = z.object({
  hash: z.string(),
  pageCount: z.int(),
  /** Page images rendered from the very bytes of `hash` (empty while they are being made). */
  pages: z.array(z.object({ url: z.string(), width: z.int(), height: z.int() })),
  url: z.string(),
});

const SealedView = z.nullable(z.object({ sealId: z.string(), hash: z.string(), sealedAt: z.string() }));

export const ReleaseDetail = named(
  z.object({
    ...ReleaseSummary.shape,
    countersigner: z.nullable(z.object({ userId: z.string(), name: z.string(), signedAt: z.nullable(z.string()) })),
    document: DocumentView,
    sealed: SealedView,
    voidReason: z.nullable(z.string()),
    remindEveryDays: z.int(),
    fields: z.record(z.string(), z.string()),
    events: z.array(AuditEventView),
    chain: ChainCheck,
  }),
  'ReleaseDetail',
);
export type ReleaseDetail = z.infer<typeof ReleaseDetail>;

/** What every signer-facing view of a release names. */
const signerFacing = {
  releaseId: z.string(),
  title: z.string(),
  kind: ReleaseKind,
  studioName: z.string(),
  state: z.enum(RELEASE_STATES),
  deadline: z.nullable(z.string()),
};

/** What a signer sees: the document, their own part, and who else signs (names only). */
export const SignerRelease = named(
  z.object({
    ...signerFacing,
    me: z.object({
      signerId: z.string(),
      name: z.string(),
      state: z.enum(SIGNER_STATES),
      /** Whether it is this signer's turn (in a release signed in order). */
      canSign: z.boolean(),
      consentVersion: z.nullable(z.string()),
      marks: z.array(z.enum(MARKS)),
      signedAt: z.nullable(z.string()),
    }),
    signers: z.array(z.object({ name: z.string(), state: z.enum(SIGNER_STATES) })),
    document: DocumentView,
    sealed: SealedView,
  }),
  'SignerRelease',
);
export type SignerRelease = z.infer<typeof SignerRelease>;

export const ClientReleaseSummary = named(
  z.object({
    ...signerFacing,
    myState: z.enum(SIGNER_STATES),
    sentAt: z.nullable(z.string()),
    completedAt: z.nullable(z.string()),
  }),
  'ClientReleaseSummary',
);
export type ClientReleaseSummary = z.infer<typeof ClientReleaseSummary>;

// ── Verification ─────────────────────────────────────────────────────────────────────────────────

export const VerifyBody = z.strictObject({
  /** The SHA-256 of the whole file, computed in the browser. */
  hash: Sha256,
  /** The seal id the browser found in the file (`/PorticoSeal`), when it found one. */
  sealId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be a seal id' }))),
});

export const Verification = named(
  z.object({
    /** `sealed`: this Portico sealed exactly this file; `altered`: it sealed a file with this seal id, and this one differs; `unknown`: neither. */
    result: z.enum(['sealed', 'altered', 'unknown']),
    release: z.nullable(
      z.object({
        title: z.string(),
        studioName: z.string(),
        sealedAt: z.string(),
        signers: z.array(z.object({ name: z.string(), signedAt: z.nullable(z.string()) })),
        chain: ChainCheck,
      }),
    ),
  }),
  'Verification',
);
export type Verification = z.infer<typeof Verification>;
