// The single-table key design: every record type, its keys, and the access patterns they serve.
// This file is the one place it is written down; repositories build keys only through it.
//
// | Record            | PK                         | SK                      | GSI1PK              | GSI1SK               |
// |-------------------|----------------------------|-------------------------|---------------------|----------------------|
// | Studio            | STUDIO#<studioId>          | STUDIO                  |                     |                      |
// | Slug claim        | SLUG#<slug>                | SLUG                    |                     |                      |
// | Custom domain     | DOMAIN#<host>              | DOMAIN                  |                     |                      |
// | Studio user       | STUDIOUSER#<cognito sub>   | STUDIOUSER              | STUDIO#<studioId>   | USER#<email>         |
// | Client            | STUDIO#<studioId>          | CLIENT#<clientId>       |                     |                      |
// | Client email claim| STUDIO#<studioId>          | CLIENTEMAIL#<email>     |                     |                      |
// | Project           | STUDIO#<studioId>          | PROJECT#<projectId>     | CLIENT#<clientId>   | PROJECT#<projectId>  |
// | Gallery           | STUDIO#<studioId>          | GALLERY#<galleryId>     | CLIENT#<clientId>   | GALLERY#<galleryId>  |
// | Image             | GALLERY#<galleryId>        | IMAGE#<imageId>         |                     |                      |
// | Magic link        | MAGIC#<sha256(token)>      | MAGIC                   |                     |                      | ttl
// | Rate-limit window | RATE#<bucket>#<subject>    | <window start>          |                     |                      | ttl
//
// Access patterns
// - Resolve a portal host: GetItem SLUG#<slug> (or DOMAIN#<host>), then GetItem STUDIO#<id>.
// - Studio user → studio: GetItem STUDIOUSER#<sub> (sub from the verified token).
// - Client session → client: GetItem STUDIO#<studioId>/CLIENT#<clientId>; both ids come from the
//   client pool username (`<studioId>.<clientId>`) of the verified token, and the studio must be the
//   one the host resolves to.
// - A studio's clients: Query PK=STUDIO#<id>, SK begins_with CLIENT#.
// - Find a client by email in a studio (magic link, duplicate invites): GetItem CLIENTEMAIL#<email>,
//   which also makes the email unique per studio inside the invitation transaction.
// - A client's galleries / projects: Query GSI1 GSI1PK=CLIENT#<clientId>, GSI1SK begins_with GALLERY#.
// - A gallery's images: Query PK=GALLERY#<galleryId>, SK begins_with IMAGE# (the gallery record,
//   found first under its studio, is what proves the caller may see them).
// - Redeem a magic link: DeleteItem MAGIC#<hash> with ReturnValues=ALL_OLD (atomic single use).
// - Rate limit: UpdateItem ADD count on the current window, conditional on count < limit.

export const keys = {
  studio: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'STUDIO' }),
  slug: (slug: string) => ({ PK: `SLUG#${slug}`, SK: 'SLUG' }),
  domain: (host: string) => ({ PK: `DOMAIN#${host}`, SK: 'DOMAIN' }),
  studioUser: (sub: string) => ({ PK: `STUDIOUSER#${sub}`, SK: 'STUDIOUSER' }),
  studioUserIndex: (studioId: string, email: string) => ({ GSI1PK: `STUDIO#${studioId}`, GSI1SK: `USER#${email}` }),
  client: (studioId: string, clientId: string) => ({ PK: `STUDIO#${studioId}`, SK: `CLIENT#${clientId}` }),
  clientPrefix: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'CLIENT#' }),
  clientEmail: (studioId: string, email: string) => ({ PK: `STUDIO#${studioId}`, SK: `CLIENTEMAIL#${email}` }),
  project: (studioId: string, projectId: string) => ({ PK: `STUDIO#${studioId}`, SK: `PROJECT#${projectId}` }),
  projectIndex: (clientId: string, projectId: string) => ({ GSI1PK: `CLIENT#${clientId}`, GSI1SK: `PROJECT#${projectId}` }),
  gallery: (studioId: string, galleryId: string) => ({ PK: `STUDIO#${studioId}`, SK: `GALLERY#${galleryId}` }),
  galleryIndex: (clientId: string, galleryId: string) => ({ GSI1PK: `CLIENT#${clientId}`, GSI1SK: `GALLERY#${galleryId}` }),
  clientGalleriesIndex: (clientId: string) => ({ GSI1PK: `CLIENT#${clientId}`, GSI1SKPrefix: 'GALLERY#' }),
  image: (galleryId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `IMAGE#${imageId}` }),
  magicLink: (tokenHash: string) => ({ PK: `MAGIC#${tokenHash}`, SK: 'MAGIC' }),
  rateWindow: (bucket: string, subject: string, windowStart: number) => ({ PK: `RATE#${bucket}#${subject}`, SK: String(windowStart) }),
} as const;

/** Strips the key attributes before a record leaves the data layer. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'ttl'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, ttl: _ttl, ...rest } = item;
  return rest;
}
