// Navigation within one host. Links never carry the /app or /portal prefix: the edge maps paths.

/** A same-site path from a `?next=` parameter, or '/' when it is missing or could leave the site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !/^\/(?![/\\])[\w\-./?=&%~]*$/.test(next) || /^\/sign(in|up)\b/.test(next)) return '/';
  return next;
}
