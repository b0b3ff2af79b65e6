// What a studio sends to change its portal's branding, and the logo upload ticket it gets back.
import * as z from 'zod/mini';
import { Email, HexColour, Int, NameText, named } from '../../schemas.ts';
import { Branding } from '../studios/index.ts';
import { LOGO_CONTENT_TYPES, LOGO_MAX_BYTES, PORTAL_NAME_MAX, WELCOME_MAX } from './constants.ts';

/**
 * Plain text of a few lines: line breaks are kept (the portal shows them), every other control,
 * separator or bidi character is refused. It is never HTML anywhere.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const NOT_PLAIN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const WelcomeText = z.string().check(
  z.trim(),
  z.maxLength(WELCOME_MAX),
  z.refine((s) => !NOT_PLAIN.test(s), { error: 'must be plain text: line breaks are fine, other control characters are not' }),
);

export const UpdateBrandingBody = z
  .strictObject({
    name: z.optional(NameText(1, PORTAL_NAME_MAX)),
    accentColor: z.optional(HexColour),
    welcomeMessage: z.optional(WelcomeText),
    supportEmail: z.optional(z.nullable(Email)),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));
export type UpdateBrandingBody = z.infer<typeof UpdateBrandingBody>;

export const LogoUploadBody = z.strictObject({
  // SVG is refused here, by name, so the studio reads why (see LOGO_CONTENT_TYPES).
  contentType: z.enum(LOGO_CONTENT_TYPES, {
    error: 'must be a PNG, JPEG or WebP image (SVG logos are refused: an SVG file can carry scripts)',
  }),
  size: z.int().check(z.gte(1), z.lte(LOGO_MAX_BYTES, { error: `logos are limited to ${LOGO_MAX_BYTES / 1024 / 1024} MB` })),
});

export const LogoTicket = named(
  z.object({
    /** A presigned PUT held to the type and size asked for; the pipeline takes it from there. */
    put: z.object({ url: z.string(), headers: z.record(z.string(), z.string()) }),
    /** Epoch ms the ticket was issued: the logo shown once Branding's logo changes. */
    issuedAt: Int,
  }),
  'LogoTicket',
);

export const BrandingAnswer = z.object({ studio: Branding });
