// Text made safe for where it goes: a mail header (one line, no controls), a Content-Disposition
// (RFC 6266 / 5987) and a stored file name (no invisible formatting). Zod-free, so the adapters,
// the handlers and the schemas (shared/schemas.ts refuses at input what is stripped here) share it.

/**
 * What no text that reaches a mail header may hold: C0 and C1 controls (CR, LF, tab, NUL, NEL…), DEL,
 * the Unicode line and paragraph separators, and the bidi controls (a subject that reads backwards).
 */
export const HEADER_UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const HEADER_UNSAFE_ALL = new RegExp(HEADER_UNSAFE.source, 'gu');

/** One line of header text: every control or separator becomes a space (defence in depth: input refuses them). */
export function headerText(s: string): string {
  return s.replace(HEADER_UNSAFE_ALL, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * What a file name shown to people must not hold: controls, invisible formatting (bidi overrides make
 * "gpj.exe" look like "exe.jpg"; zero-width characters), line separators and lone surrogates.
 */
export const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  // A lone surrogate cannot be encoded as UTF-8 (encodeURIComponent throws): it becomes U+FFFD.
  const wellFormed = fileName.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const ascii = wellFormed.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(wellFormed).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * What looks like an address a reader could follow or write to: a URL (`https://…`, `www.…`), an
 * email address, or a bare domain (`paypal.example`, `evil.com/login`). A name holding one is refused
 * at input (shared/schemas.ts NameText); the mail adapter strips them from display names again.
 */
export const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|\S+@\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b\S*/i;
const URL_LIKE_ALL = new RegExp(URL_LIKE.source, 'gi');

/**
 * A sender's display name (`"<this>" <no-reply@…>`): one line, without URLs, addresses, angle
 * brackets, `@` or quotes, so no name can pass itself off as another sender's address.
 */
export function displayName(s: string): string {
  return headerText(
    headerText(s)
      .replace(URL_LIKE_ALL, ' ')
      .replace(/[<>@"'`\\]/g, ' '),
  );
}

/** The longest a name may run in a subject line; a longer one is cut with an ellipsis. */
export const SUBJECT_NAME_MAX = 40;

/** A name as it may appear in a subject: one line, at most SUBJECT_NAME_MAX characters. */
export function subjectName(s: string): string {
  const line = headerText(s);
  const chars = [...line];
  return chars.length <= SUBJECT_NAME_MAX
    ? line
    : `${chars
        .slice(0, SUBJECT_NAME_MAX - 1)
        .join('')
        .trimEnd()}…`;
}
