// The security headers every page and API answer carries. One list, applied by the CloudFront
// response-headers policy in AWS and by the local server, so both environments behave alike.
// HSTS is part of the list everywhere: browsers ignore it over plain HTTP (RFC 6797 §8.1), so
// sending it locally is harmless and keeps the one list identical in both places.

export interface SecurityHeaderOptions {
  /** Origin of the object store that serves presigned GET/PUT URLs (images, uploads). */
  storageOrigin: string;
}

export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${o.storageOrigin}`,
    // 'self' covers the page's own ws:/wss: origin too (CSP Level 3), where the live socket opens.
    `connect-src 'self' ${o.storageOrigin}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(o),
    'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
