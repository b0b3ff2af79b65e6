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
