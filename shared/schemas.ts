// Schema primitives every feature's schemas build on, in zod/mini: the handlers bundle only the
// validators they use (zod's classic API weighs ~445 KiB in every bundle; mini tree-shakes).
// English error messages, as zod's classic API sets them by default.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { HEADER_UNSAFE, URL_LIKE } from './safe-text.ts';

z.config(en());

/** Names a schema in the OpenAPI document (a component of that id). */
export function named<T extends z.ZodMiniType>(schema: T, id: string): T {
  z.globalRegistry.add(schema, { id });
  return schema;
}

export const Email = z.email({ error: 'must be a valid email address' }).check(z.maxLength(254), z.toLowerCase());
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be an id' }));
export const Uuid = z.uuid({ error: 'must be an id' });
export const IsoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
/** A date from today on (e.g. when access or a link ends). */
export const FutureIsoDate = z
  .optional(IsoDate)
  .check(z.refine((d) => d === undefined || d >= new Date().toISOString().slice(0, 10), { error: 'must be today or later' }));
export const HexColour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1a2b3c' }));
/** Trimmed text of bounded length. */
export const Text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
/**
 * Trimmed text of bounded length that may reach a mail header (a studio's, a user's or a client's
 * name, a gallery's title in a subject): one line, no control, separator or bidi characters, so no
 * name can add a header (`\r\nBcc: …`). The mail adapter strips them again (shared/adapters/mail.ts).
 */
export const HeaderSafeText = (min: number, max: number) =>
  Text(min, max).check(z.refine((s) => !HEADER_UNSAFE.test(s), { error: 'must be one line, without control characters' }));
/**
 * A studio's, a user's or a client's name: header-safe text that does not look like a URL, a domain
 * or an email address, so a name cannot pose as a link or a sender (`PayPal <security@paypal.example>`).
 */
export const NameText = (min: number, max: number) =>
  HeaderSafeText(min, max).check(z.refine((s) => !URL_LIKE.test(s), { error: 'must not hold a web or email address' }));
/** A plain file name as a browser gives it (no path, no control characters); cleaned again before it is stored. */
export const PlainFileName = z.string().check(
  z.minLength(1),
  z.maxLength(200),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: path separators and control characters are what is refused
  z.refine((n) => !/[/\\\u0000-\u001f\u007f]/.test(n) && n !== '.' && n !== '..', { error: 'must be a plain file name' }),
);
/** type/subtype, as a browser names a file's type; the feature decides which it takes. */
export const MediaType = z
  .string()
  .check(
    z.maxLength(127),
    z.regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, { error: 'must be a media type like image/png' }),
  );
export const Int = z.int();
export const IntBetween = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const ErrorBody = named(
  z.object({
    error: z.string().register(z.globalRegistry, { description: 'machine-readable error code' }),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.array(z.string()))),
    // Details some refusals add (DomainError.details), so the caller can act without parsing words.
    /** plan_required: the entitlement missing, and the plan or add-on that unlocks it. */
    entitlement: z.optional(z.string()),
    plan: z.optional(z.string()),
    addOn: z.optional(z.string()),
    /** accent_contrast: the nearest readable colour, and the refused colour's best contrast ratio. */
    readable: z.optional(z.string()),
    ratio: z.optional(z.string()),
  }),
  'Error',
);

/**
 * Why a gallery's originals or a deliverable's final files are held back: an invoice to pay first
 * (shared/features/invoices' gates), with what is due on it. The portal shows it with "Pay to unlock".
 */
export const PaymentLock = named(
  z.object({ invoiceId: z.string(), number: z.string(), amountDue: Int, currency: z.string() }),
  'PaymentLock',
);
export type PaymentLock = z.infer<typeof PaymentLock>;
