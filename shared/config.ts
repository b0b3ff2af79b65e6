// Runtime configuration, read from the environment. The CDK API stack sets these on every
// Lambda; the local stack sets the same names for the local server. AWS SDK clients find local
// endpoints through the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, so no code differs.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/** A whole-number setting from the environment, or its default when unset or not a positive whole number. */
function count(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** Abuse limits (README, Configuration): each read on every call, so a test or a deployer can set it. */
export const limits = {
  /** Wrong share-link passwords one visitor (IP) may try on one link per window. */
  get sharePasswordFailures() {
    return count('SHARE_PASSWORD_MAX_FAILURES', 10);
  },
  get sharePasswordWindowSeconds() {
    return count('SHARE_PASSWORD_WINDOW_SECONDS', 15 * 60);
  },
  /** ZIP jobs one client may have queued or running in one gallery at once. */
  get zipLiveJobsPerGallery() {
    return count('ZIP_LIVE_JOBS_PER_GALLERY', 2);
  },
  /** Comments one client may post per minute, across the portal. */
  get commentsPerMinute() {
    return count('COMMENTS_PER_MINUTE', 30);
  },
  /** Favourite and selection changes one client may make per minute, across the portal. */
  get marksPerMinute() {
    return count('MARKS_PER_MINUTE', 300);
  },
};

export const config = {
  get tableName() {
    return required('TABLE_NAME');
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
    return count('MAX_FIELD_ERRORS', 20);
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
