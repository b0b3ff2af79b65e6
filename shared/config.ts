// Runtime configuration, read from the environment. The CDK API stack sets these on every
// Lambda; the local stack sets the same names for the local server. AWS SDK clients find local
// endpoints through the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, so no code differs.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

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
    return positiveInt('MAX_FIELD_ERRORS', 20);
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
