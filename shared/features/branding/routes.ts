// A studio's branding: the editor in Settings → Portal changes it, the logo goes straight to S3,
// and the portal's logo route serves the emails' copy.
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';
import { BrandingAnswer, LogoTicket, LogoUploadBody, UpdateBrandingBody } from './schemas.ts';

export const routes = {
  updateBranding: route({
    id: 'updateBranding',
    feature: 'branding',
    grants: ['table:write', 'bucket:read'],
    method: 'PATCH',
    path: '/api/studio/branding',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary:
      "Change the portal's name, accent colour, welcome message (full branding) or support email; an accent no text reads on is refused",
    body: UpdateBrandingBody,
    ok: { status: 200, body: BrandingAnswer },
  }),
  createLogoUpload: route({
    id: 'createLogoUpload',
    feature: 'branding',
    grants: ['table:read', 'bucket:write'],
    method: 'POST',
    path: '/api/studio/branding/logo',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: 'Start a logo upload (PNG, JPEG or WebP up to 5 MB; never SVG): a presigned PUT; the logo pipeline applies it',
    // It creates nothing and answers with a short-lived link: a retry simply gets a fresh one.
    idempotent: false,
    body: LogoUploadBody,
    ok: { status: 201, body: z.object({ upload: LogoTicket }) },
  }),
  removeLogo: route({
    id: 'removeLogo',
    feature: 'branding',
    grants: ['table:write', 'bucket:write'],
    method: 'DELETE',
    path: '/api/studio/branding/logo',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: "Remove the portal's logo: the name shows instead, on the portal and in emails",
    ok: { status: 200, body: BrandingAnswer },
  }),
  getPortalLogo: route({
    id: 'getPortalLogo',
    feature: 'branding',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/logo',
    auth: 'public',
    host: 'portal',
    summary: "The portal's email logo: a redirect to a fresh link to it (emails keep working long after a link would expire)",
    ok: { status: 302 },
  }),
} as const;
