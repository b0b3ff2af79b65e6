// Releases and contracts: what a release, a signer and an audit event can be, the consent to sign
// electronically, and the limits. No zod here: the site imports this module too.

export const RELEASE_KINDS = ['release', 'contract'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];
export const RELEASE_KIND_NAMES: Record<ReleaseKind, string> = { release: 'Release', contract: 'Contract' };

/**
 * A release's state as the studio sees it. `expired` is never stored: a sent release whose deadline
 * has passed reads as expired (views.ts), so no job has to flip it at midnight.
 */
export const RELEASE_STATES = [
  'draft',
  'sent',
  'viewed',
  'partly_signed',
  'awaiting_countersign',
  'completed',
  'declined',
  'expired',
  'voided',
] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];
export const RELEASE_STATE_NAMES: Record<ReleaseState, string> = {
  draft: 'Draft',
  sent: 'Sent',
  viewed: 'Viewed',
  partly_signed: 'Partly signed',
  awaiting_countersign: 'Awaiting countersignature',
  completed: 'Completed',
  declined: 'Declined',
  expired: 'Expired',
  voided: 'Voided',
};
/** States in which nothing more can be signed. */
export const CLOSED_STATES: readonly ReleaseState[] = ['completed', 'declined', 'expired', 'voided'];

/** `waiting`: a signer in order whose turn has not come yet. */
export const SIGNER_STATES = ['waiting', 'pending', 'viewed', 'signed', 'declined'] as const;
export type SignerState = (typeof SIGNER_STATES)[number];

export const SIGNING_ORDERS = ['parallel', 'sequential'] as const;
export type SigningOrder = (typeof SIGNING_ORDERS)[number];

/** How a signer proved who they are, as the audit trail and the certificate page name it. */
export const AUTH_METHODS = ['studio_session', 'portal_session', 'one_time_link', 'system'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
export const AUTH_METHOD_NAMES: Record<AuthMethod, string> = {
  studio_session: 'Studio dashboard session',
  portal_session: 'Client portal session (magic link)',
  one_time_link: 'One-time signing link sent by email',
  system: 'Portico',
};

/** Every event of a release's audit trail, in the order they usually happen. */
export const AUDIT_EVENTS = [
  'created',
  'sent',
  'email_sent',
  'opened',
  'consent_accepted',
  'viewed',
  'field_filled',
  'signed',
  'declined',
  'countersigned',
  'completed',
  'reminded',
  'resent',
  'voided',
  'downloaded',
] as const;
export type AuditEventType = (typeof AUDIT_EVENTS)[number];
export const AUDIT_EVENT_NAMES: Record<AuditEventType, string> = {
  created: 'Created',
  sent: 'Sent for signature',
  email_sent: 'Signing email handed to the mail service',
  opened: 'Opened',
  consent_accepted: 'Consent to sign electronically accepted',
  viewed: 'Document viewed',
  field_filled: 'Field filled',
  signed: 'Signed',
  declined: 'Declined',
  countersigned: 'Countersigned',
  completed: 'Completed and sealed',
  reminded: 'Reminder sent',
  resent: 'Signing link sent again',
  voided: 'Voided',
  downloaded: 'Sealed PDF downloaded',
};

/** The placement marks a template may hold, and the slots they name: signers 1..10, or the studio's countersigner. */
export const MARKS = ['sign', 'initials', 'date'] as const;
export type Mark = (typeof MARKS)[number];
export const STUDIO_SLOT = 'studio';

export const RELEASE_LIMITS = {
  title: 160,
  templateName: 120,
  /** A template's text (the request limit is 64 KB); a longer contract is uploaded as a PDF. */
  templateSource: 60_000,
  signers: 10,
  customFields: 20,
  fieldValue: 2_000,
  declineReason: 1_000,
  voidReason: 1_000,
  typedSignature: 80,
  strokes: 60,
  pointsPerStroke: 400,
  /** A studio's own PDF. */
  pdfBytes: 20 * 1024 * 1024,
  remindEveryDays: 30,
  /** How long a one-time signing link lasts without a deadline. */
  linkDays: 30,
} as const;

/** The box a drawn signature's strokes are measured in (the signing pad's coordinates). */
export const PAD = { width: 600, height: 200 } as const;

/**
 * The consent to do business electronically, in the words ESIGN (15 U.S.C. §7001(c)) asks a consumer
 * to see before an electronic record replaces paper: the scope, the right to paper and how to get it,
 * how to withdraw and what that means, how to get a copy, and what hardware and software it takes. A
 * new wording gets a new version: the audit trail records which version each signer accepted.
 */
export const CONSENT = {
  version: 'esign-consent-2026-12',
  title: 'Consent to sign electronically',
  points: [
    'Scope: this consent covers this document only, and the notices about it that we send you.',
    'Paper copies: you may ask the studio for a paper copy of this document at any time, free of charge, by replying to the signing email or writing to the studio.',
    'Withdrawing: you may withdraw this consent before you sign by declining, or by telling the studio; the studio will then arrange a paper signature. Withdrawing does not undo a signature already given.',
    'Your copy: once everyone has signed, the sealed PDF is emailed to you and stays available to download; keep it for your records.',
    'What you need: a device with a current web browser (Chrome, Safari, Firefox or Edge), an email address, and a program that opens PDF files. A screen of 320 pixels or wider.',
    'By continuing you agree that your electronic signature is the legal equivalent of your handwritten signature on this document.',
  ],
} as const;

/**
 * The Lambda of a route that renders or seals a PDF: the embedded fonts travel beside the bundle
 * (Lambda has no system fonts), and a 40-page contract seals in a few seconds with room to spare.
 */
export const RELEASE_BUNDLE = {
  memorySize: 1536,
  timeoutSeconds: 30,
  // Copied flat beside the bundle, where pdf/fonts.ts looks first.
  assets: [
    'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
    'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
    'node_modules/@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  ],
} as const;
