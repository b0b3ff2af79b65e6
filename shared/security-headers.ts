// The security headers every page and API answer carries. One list, applied by the CloudFront
// response-headers policy in AWS and by the local server, so both environments behave alike.

export interface SecurityHeaderOptions {
  /** Origin of the object store that serves presigned GET/PUT URLs (images, uploads). */
  storageOrigin: string;
  /** Whether the site is served over HTTPS (adds HSTS). */
  https: boolean;
}

export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${o.storageOrigin}`,
    `connect-src 'self' ${o.storageOrigin}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(o),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (o.https) headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains; preload';
  return headers;
}
