// Navigation within one host. Links never carry the /app or /portal prefix: the edge maps paths.

/** A same-site path from a `?next=` parameter, or '/' when it is missing or could leave the site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !/^\/(?![/\\])[\w\-./?=&%~]*$/.test(next) || /^\/sign(in|up)\b/.test(next)) return '/';
  return next;
}

/** The gallery id of a detail page, from its address (/galleries/<uuid>). */
export function galleryIdFromPath(pathname: string): string | null {
  const m = /^\/galleries\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  return m ? (m[1] as string).toLowerCase() : null;
}

/** The project id of a project page (/projects/<uuid>, and its deliverables' pages below it). */
export function projectIdFromPath(pathname: string): string | null {
  const m = /^\/projects\/([0-9a-f-]{36})(?:\/|$)/i.exec(pathname);
  return m ? (m[1] as string).toLowerCase() : null;
}
