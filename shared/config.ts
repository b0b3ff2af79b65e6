// Runtime configuration, read from the environment. The CDK API stack sets these on every
// Lambda; the local stack sets the same names for the local server. AWS SDK clients find local
// endpoints through the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, so no code differs.

import { PLANS, type Plan } from './features/plans/constants.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/** Set on the edge stack's tenants function only (infra/stacks/edge-stack.ts), not on every function. */
const tenantsFunctionOnly = (name: string): string => required(name);

/** Abuse limits (README, Configuration): each read on every call, so a test or a deployer can set it. */
export const limits = {
  /** Wrong share-link passwords one visitor (IP) may try on one link per window. */
  get sharePasswordFailures() {
    return whole('SHARE_PASSWORD_MAX_FAILURES', 10);
  },
  get sharePasswordWindowSeconds() {
    return whole('SHARE_PASSWORD_WINDOW_SECONDS', 15 * 60);
  },
  /** How long a visitor who gave a share link's right password is trusted on that link (hours). */
  get sharePassHours() {
    return whole('SHARE_PASS_HOURS', 12);
  },
  /** ZIP jobs one client may have queued or running in one gallery at once. */
  get zipLiveJobsPerGallery() {
    return whole('ZIP_LIVE_JOBS_PER_GALLERY', 2);
  },
  /** Feedback messages one client may send its studio per hour. */
  get feedbackPerHour() {
    return whole('FEEDBACK_PER_HOUR', 20);
  },
  /** Feedback items one client may submit on a studio's projects per hour. */
  get projectFeedbackPerHour() {
    return whole('PROJECT_FEEDBACK_PER_HOUR', 20);
  },
  /** Comments one client may post per minute, across the portal. */
  get commentsPerMinute() {
    return whole('COMMENTS_PER_MINUTE', 30);
  },
  /** Messages (and message attachments) one person may send per minute, across the studio's threads. */
  get messagesPerMinute() {
    return whole('MESSAGES_PER_MINUTE', 30);
  },
  /** Favourite and selection changes one client may make per minute, across the portal. */
  get marksPerMinute() {
    return whole('MARKS_PER_MINUTE', 300);
  },
  /** Images one studio may have waiting in uploading (ticketed, not yet processing) at once. */
  get uploadsWaiting() {
    return whole('UPLOADS_WAITING_MAX', 5_000);
  },
  /** Bytes one studio may ask upload tickets for per hour (the files' declared sizes). */
  get uploadBytesPerHour() {
    return whole('UPLOAD_BYTES_PER_HOUR', 50 * 1024 ** 3);
  },
  /** Client invitations a studio whose owner's email is not verified may send per hour. */
  get invitesPerHourUnverified() {
    return whole('INVITES_PER_HOUR_UNVERIFIED', 20);
  },
  /** Client invitations any studio may send per day. */
  get invitesPerDay() {
    return whole('INVITES_PER_DAY', 200);
  },
  /** Times a studio may resend one client's invitation per hour (Portal Manager). */
  get invitationResendsPerClientHour() {
    return whole('INVITE_RESENDS_PER_CLIENT_HOUR', 3);
  },
  /** Team invitations (and resends) any studio may send per day. */
  get teamInvitesPerDay() {
    return whole('TEAM_INVITES_PER_DAY', 50);
  },
  /** Bytes of one deliverable version's file (multipart uploads above 16 MB). */
  get deliverableMaxBytes() {
    return whole('DELIVERABLE_MAX_BYTES', 5 * 1024 ** 3);
  },
  /** Documents anyone may check on the verify page per visitor (IP) per hour. */
  get verifyPerHour() {
    return whole('VERIFY_PER_HOUR', 60);
  },
  /** Signing-link tokens that lead nowhere one visitor (IP) may send per hour (open, step, sign, decline). */
  get signingLinkTriesPerHour() {
    return whole('SIGNING_LINK_TRIES_PER_HOUR', 120);
  },
  /** Pages a PDF may have and still get previews (every page is rendered); a longer one is offered as a download. */
  get pdfPreviewMaxPages() {
    return whole('PDF_PREVIEW_MAX_PAGES', 300);
  },
  /** Largest file the studio may upload to a project's Files tab (one file, one version). */
  get fileMaxBytes() {
    return whole('FILE_MAX_BYTES', 5 * 1024 ** 3);
  },
  /** Largest file a client contact may upload into a folder that takes client uploads. */
  get clientFileMaxBytes() {
    return whole('CLIENT_FILE_MAX_BYTES', 500 * 1024 ** 2);
  },
  /** Bytes one client contact may upload to a studio's project folders per hour (the files' declared sizes). */
  get clientUploadBytesPerHour() {
    return whole('CLIENT_UPLOAD_BYTES_PER_HOUR', 2 * 1024 ** 3);
  },
};

/** Who may create a studio: only the operator (`closed`), holders of an operator's code, or anyone. */
export const SIGN_UP_MODES = ['closed', 'invite', 'open'] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];

/** A positive whole number from the environment, or its default (documented in README). */
function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${raw}`);
  return value;
}

export const config = {
  /** Days a team invitation's link works (a resend starts them again). */
  get teamInvitationDays() {
    return whole('TEAM_INVITATION_DAYS', 7);
  },
  get tableName() {
    return required('TABLE_NAME');
  },
  /** The WebSocket API's management endpoint (live updates); unset, nothing is sent live. */
  get socketsEndpoint(): string | undefined {
    return process.env.SOCKETS_ENDPOINT || undefined;
  },
  /**
   * Where the pools' tokens come from (their `iss` is `<base>/<poolId>`, their keys at
   * `<base>/<poolId>/.well-known/jwks.json`): Cognito in AWS; the local stack sets cognito-local's.
   * The live socket checks tokens itself (a WebSocket API has no JWT authorizer).
   */
  get cognitoIssuerBase(): string {
    if (process.env.COGNITO_ISSUER_BASE) return process.env.COGNITO_ISSUER_BASE;
    // Lambda sets AWS_REGION; the pools live in the functions' region.
    const region = process.env.AWS_REGION;
    if (!region) throw new Error('Missing environment variable AWS_REGION');
    return `https://cognito-idp.${region}.amazonaws.com`;
  },
  get bucketName() {
    return required('BUCKET_NAME');
  },
  get studioPoolId() {
    return required('STUDIO_POOL_ID');
  },
  get studioPoolClientId() {
    return required('STUDIO_POOL_CLIENT_ID');
  },
  get clientPoolId() {
    return required('CLIENT_POOL_ID');
  },
  get clientPoolClientId() {
    return required('CLIENT_POOL_CLIENT_ID');
  },
  /** The dashboard is served on this host; studio portals on <slug>.<portalDomain> or a custom domain. */
  get portalDomain() {
    return required('PORTAL_DOMAIN').toLowerCase();
  },
  /** 'https' in AWS, 'http' locally. */
  get publicScheme() {
    return process.env.PUBLIC_SCHEME ?? 'https';
  },
  /** Port the public site is reached on ('' for the scheme's default). */
  get publicPort() {
    return process.env.PUBLIC_PORT ?? '';
  },
  get mailFrom() {
    return required('MAIL_FROM');
  },
  get secureCookies() {
    return (process.env.PUBLIC_SCHEME ?? 'https') === 'https';
  },
  /** A 400 lists at most this many fields' errors and says how many more it left out (default 20). */
  get maxFieldErrors() {
    return whole('MAX_FIELD_ERRORS', 20);
  },
  /** Studio sign-in: failed passwords in a row per email before each further one waits. */
  get signInFreeFailuresPerEmail() {
    return whole('SIGNIN_FREE_FAILURES_PER_EMAIL', 5);
  },
  /** Studio sign-in: failed passwords in a row per source IP (any email) before each further one waits. */
  get signInFreeFailuresPerIp() {
    return whole('SIGNIN_FREE_FAILURES_PER_IP', 50);
  },
  /** The first wait after the free failures; each further failure doubles it. */
  get signInBackoffBaseSeconds() {
    return whole('SIGNIN_BACKOFF_BASE_SECONDS', 2);
  },
  /** The longest wait: a sign-in is never locked for longer. */
  get signInBackoffMaxSeconds() {
    return whole('SIGNIN_BACKOFF_MAX_SECONDS', 900);
  },
  /** Failures are forgotten after this long without one (a success forgets an email's at once). */
  get signInFailuresForgetSeconds() {
    return whole('SIGNIN_FAILURES_FORGET_SECONDS', 86_400);
  },
  /**
   * Where the deployment's seal key (shared/adapters/seal-key.ts) is: a Secrets Manager secret in
   * AWS (SEAL_KEY_SECRET_ID, generated at deploy time), or a file in the local data folder.
   */
  get sealKeySecretId(): string | undefined {
    return process.env.SEAL_KEY_SECRET_ID || undefined;
  },
  get sealKeyFile(): string | undefined {
    return process.env.SEAL_KEY_FILE || undefined;
  },
  /**
   * The Secrets Manager secret whose value CloudFront sends in the origin header (shared/http/origin.ts);
   * set by CDK on every route's function. Unset (locally), no origin header is required.
   */
  get originSecretId() {
    return process.env.ORIGIN_SECRET_ID || undefined;
  },
  /** How long a function keeps the accepted origin secrets before reading them again (default 300). */
  get originSecretCacheSeconds() {
    return whole('ORIGIN_SECRET_CACHE_SECONDS', 300);
  },
  /** How long a POST's answer is kept for a retry with the same Idempotency-Key (default 86400: a day). */
  get idempotencyTtlSeconds() {
    return whole('IDEMPOTENCY_TTL_SECONDS', 86_400);
  },
  /** SIGNUP_MODE (CDK context portico:signUpMode): closed (the default), invite or open. */
  get signUpMode(): SignUpMode {
    const raw = process.env.SIGNUP_MODE || 'closed';
    if (!(SIGN_UP_MODES as readonly string[]).includes(raw)) throw new Error(`SIGNUP_MODE must be closed, invite or open, not ${raw}`);
    return raw as SignUpMode;
  },
  /** DEFAULT_PLAN (CDK context portico:defaultPlan): the plan every new studio starts on (default starter). */
  get defaultPlan(): Plan {
    const raw = process.env.DEFAULT_PLAN || 'starter';
    if (!(PLANS as readonly string[]).includes(raw)) throw new Error(`DEFAULT_PLAN must be one of ${PLANS.join(', ')}, not ${raw}`);
    return raw as Plan;
  },
  /**
   * OPERATOR_EMAILS (context portico:operatorEmails): the deployment's operators, who set each
   * studio's plan from the dashboard. Each must own a studio whose email is verified.
   */
  get operatorEmails(): string[] {
    return (process.env.OPERATOR_EMAILS ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
  },
  /**
   * The zone of custom domains' CNAME targets: a claim asks for `<token>.<zone>`, and the zone's
   * wildcard CNAME (infra: the edge stack) points at the connection group's routing endpoint.
   */
  get domainTargetZone() {
    return (process.env.DOMAIN_TARGET_ZONE || `domains.${this.portalDomain}`).toLowerCase();
  },
  /** How long a custom domain may wait for its CNAME before it fails and the host is free again. */
  get domainPendingHours() {
    return whole('DOMAIN_PENDING_HOURS', 72);
  },
  /** DNS servers (`ip` or `ip:port`, comma-separated) custom domains are checked with; unset: the system's. */
  get dnsServers(): string[] {
    return (process.env.DNS_SERVERS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  },
  /** `cloudfront` (the default) or `fake` (FakeCloudFrontTenants: the local stack and tests). */
  get cdnTenants(): 'cloudfront' | 'fake' {
    const raw = process.env.CDN_TENANTS || 'cloudfront';
    if (raw !== 'cloudfront' && raw !== 'fake') throw new Error(`CDN_TENANTS must be cloudfront or fake, not ${raw}`);
    return raw;
  },
  /** The edge stack's function that creates and reads distribution tenants (set by the CDK on the routes). */
  get cdnTenantsFunction() {
    return required('CDN_TENANTS_FUNCTION');
  },
  /** The multi-tenant distribution custom domains become tenants of (that function only). */
  get cdnTenantDistributionId() {
    return tenantsFunctionOnly('CDN_TENANT_DISTRIBUTION_ID');
  },
  /** The connection group whose routing endpoint the CNAME targets name (that function only). */
  get cdnConnectionGroupId() {
    return tenantsFunctionOnly('CDN_CONNECTION_GROUP_ID');
  },
  /** FakeCloudFrontTenants only: seconds from a tenant's creation to its certificate issued. */
  get fakeCdnIssueSeconds() {
    const raw = Number(process.env.FAKE_CDN_ISSUE_SECONDS ?? 1);
    return Number.isFinite(raw) && raw >= 0 ? raw : 1;
  },
  /**
   * An ffmpeg binary for video poster frames of codecs other than VP8 (H.264, VP9, AV1, …): unset by
   * default, as Lambda has none (a layer can bring one). Without it those videos get no poster.
   */
  get ffmpegPath(): string | null {
    return process.env.FFMPEG_PATH || null;
  },
  /**
   * Where the Stripe SDK sends its API requests instead of api.stripe.com, e.g. `http://127.0.0.1:4242`:
   * the local Stripe stand-in (local/stripe-stand-in.ts), since Stripe itself cannot run here. Unset in
   * AWS, where the SDK's own host is used.
   */
  get stripeApiBase(): string | undefined {
    return process.env.STRIPE_API_BASE || undefined;
  },
  /**
   * The KMS key the vault (shared/adapters/vault.ts) seals the studios' Stripe secrets under: set by
   * the CDK on the functions holding 'payments:secrets'. Unset (locally), VAULT_KEY_FILE is used.
   */
  get paymentsKeyId(): string | undefined {
    return process.env.PAYMENTS_KEY_ID || undefined;
  },
  /** The local vault's 32-byte master key file (the local stack makes it), when PAYMENTS_KEY_ID is unset. */
  get vaultKeyFile(): string | undefined {
    return process.env.VAULT_KEY_FILE || undefined;
  },
  /** s3rver only speaks path-style addressing. */
  get s3ForcePathStyle() {
    return process.env.S3_FORCE_PATH_STYLE === 'true';
  },
};

export function siteOrigin(host: string): string {
  const port = config.publicPort ? `:${config.publicPort}` : '';
  return `${config.publicScheme}://${host}${port}`;
}

export const dashboardUrl = (): string => siteOrigin(config.portalDomain);
export const portalUrl = (slug: string): string => siteOrigin(`${slug}.${config.portalDomain}`);
