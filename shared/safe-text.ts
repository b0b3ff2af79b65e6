// Text made safe for where it goes: a mail header (one line, no controls). Zod-free, so the adapters,
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
