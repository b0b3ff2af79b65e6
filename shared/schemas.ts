// Request and response schemas shared by handlers, the OpenAPI document and the site.
import { z } from 'zod';

export const Email = z
  .email({ error: 'must be a valid email address' })
  .max(254)
  .transform((s) => s.toLowerCase());
export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be an id' });
export const Slug = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: 'lowercase letters, digits and inner hyphens only' })
  .refine((s) => !RESERVED_SLUGS.has(s), { error: 'this address is reserved' });
export const IsoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
export const Password = z
  .string()
  .min(10, { error: 'at least 10 characters' })
  .max(128)
  .regex(/[a-z]/, { error: 'needs a lowercase letter' })
  .regex(/[A-Z]/, { error: 'needs an uppercase letter' })
  .regex(/[0-9]/, { error: 'needs a digit' });
export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1a2b3c' });

export const RESERVED_SLUGS = new Set(['www', 'app', 'api', 'admin', 'mail', 'portal', 'static', 'assets', 'cdn', 'dashboard']);

export const ErrorBody = z
  .object({
    error: z.string().meta({ description: 'machine-readable error code' }),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: 'Error' });

export const Branding = z
  .object({
    name: z.string(),
    slug: z.string(),
    logoUrl: z.string().nullable(),
    accentColor: z.string(),
    welcomeMessage: z.string(),
    supportEmail: z.string().nullable(),
  })
  .meta({ id: 'Branding' });

export const StudioUser = z.object({ userId: z.string(), email: z.string(), name: z.string() }).meta({ id: 'StudioUser' });

export const ClientStatus = z.enum(['invited', 'active', 'expired']);
export const ClientSummary = z
  .object({
    clientId: z.string(),
    email: z.string(),
    name: z.string(),
    status: ClientStatus,
    invitedAt: z.string(),
    lastSignInAt: z.string().nullable(),
    accessExpiresAt: z.string().nullable(),
  })
  .meta({ id: 'Client' });

export const GalleryStatus = z.enum(['draft', 'proofing', 'locked', 'ready', 'archived']);
export const ClientGallery = z
  .object({
    galleryId: z.string(),
    title: z.string(),
    status: z.union([GalleryStatus.exclude(['draft']), z.literal('unavailable')]),
    shootDate: z.string().nullable(),
    deadline: z.string().nullable(),
    imageCount: z.number().int(),
    coverUrl: z.string().nullable(),
    projectTitle: z.string().nullable(),
  })
  .meta({ id: 'ClientGallery' });

// ---- request bodies ----
export const StudioSignUpBody = z.strictObject({
  studioName: z.string().trim().min(1).max(80),
  slug: Slug,
  name: z.string().trim().min(1).max(80),
  email: Email,
  password: Password,
});
export const StudioSignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(128) });
export const InviteClientBody = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(80),
  accessExpiresAt: IsoDate.optional().refine((d) => d === undefined || d >= new Date().toISOString().slice(0, 10), {
    error: 'must be today or later',
  }),
});
export const MagicLinkBody = z.strictObject({ email: Email });
export const RedeemMagicLinkBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid sign-in link' }),
});
