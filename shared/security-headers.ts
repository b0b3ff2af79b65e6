// The security headers every page and API answer carries. One list, applied by the CloudFront
// response-headers policy in AWS and by the local server, so both environments behave alike.
// HSTS is part of the list everywhere: browsers ignore it over plain HTTP (RFC 6797 §8.1), so
// sending it locally is harmless and keeps the one list identical in both places.

export interface SecurityHeaderOptions {
  /** Origin of the object store that serves presigned GET/PUT URLs (images, uploads). */
  storageOrigin: string;
  /**
   * Locally only: the Stripe stand-in's origin (STRIPE_API_BASE), whose checkout page the portal
   * frames in place of Stripe's embedded Checkout. Unset in AWS.
   */
  checkoutFrameOrigin?: string;
}

/**
 * What Stripe's embedded Checkout needs of the page that mounts it (Stripe's CSP guidance for
 * Stripe.js and Checkout): Stripe.js from js.stripe.com, the Checkout and Stripe.js frames (and
 * hooks.stripe.com's 3-D Secure and redirect frames), and Stripe.js's calls to the API and Checkout.
 */
export const STRIPE_CHECKOUT_SOURCES = {
  script: ['https://js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://checkout.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com', 'https://checkout.stripe.com'],
} as const;

export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  const frames = [...STRIPE_CHECKOUT_SOURCES.frame, ...(o.checkoutFrameOrigin ? [new URL(o.checkoutFrameOrigin).origin] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' ${STRIPE_CHECKOUT_SOURCES.script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${o.storageOrigin}`,
    // 'self' covers the page's own ws:/wss: origin too (CSP Level 3), where the live socket opens.
    `connect-src 'self' ${o.storageOrigin} ${STRIPE_CHECKOUT_SOURCES.connect.join(' ')}`,
    // The portal's invoices pay in Stripe's embedded Checkout, a frame (locally the stand-in's page).
    `frame-src ${frames.join(' ')}`,
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
