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
// | Image removal note| GALLERY#<galleryId>        | DELETING#<imageId>      |                     |                      |
// | Selection state   | GALLERY#<galleryId>        | SELECTION#<clientId>    |                     |                      |
// | Selected image    | GALLERY#<galleryId>        | PICK#<clientId>#<imageId>|                    |                      |
// | Favourite         | GALLERY#<galleryId>        | FAV#<clientId>#<imageId>|                     |                      |
// | Comment           | GALLERY#<galleryId>        | COMMENT#<imageId>#<at>#<commentId> |          |                      |
// | Submission        | GALLERY#<galleryId>        | SUBMISSION#<submissionId>|                    |                      |
// | Activity          | GALLERY#<galleryId>        | ACTIVITY#<clientId>     |                     |                      |
// | ZIP job           | GALLERY#<galleryId>        | ZIPJOB#<jobId>          |                     |                      | ttl
// | Share link        | GALLERY#<galleryId>        | SHARELINK#<linkId>      |                     |                      |
// | Share token       | SHARE#<sha256(token)>      | SHARE                   |                     |                      |
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
// - A gallery to proof: ONE paginated Query of PK=GALLERY#<galleryId> returns the images, the
//   client's selection state, picks, favourites and comments together.
// - Select within the maximum: one transaction increments SELECTION#<clientId>.count on condition
//   count < max and not confirmed, and creates PICK#…; unselect is its mirror. The count can never
//   pass the maximum or drift from the picks, whatever runs concurrently.
// - Confirm the final set: one transaction sets confirmedAt on SELECTION#<clientId> on condition the
//   count is what was read, and writes SUBMISSION#…
// - Remove an image: one transaction deletes IMAGE#… with the client's marks and writes
//   DELETING#<imageId> (the files to delete); the note goes once the files are gone, so a retry
//   after an S3 failure finishes the removal.
// - A studio's galleries: Query PK=STUDIO#<studioId>, SK begins_with GALLERY#.
// - Open a share link: GetItem SHARE#<sha256(token)> → gallery and link ids, then GetItem of the
//   link (revocation, expiry, password) and the gallery; each use is counted on the link.
// - Redeem a magic link: DeleteItem MAGIC#<hash> with ReturnValues=ALL_OLD (atomic single use).
// - Rate limit: UpdateItem ADD count on the current window, conditional on count < limit.
// - A ZIP download's status: GetItem GALLERY#<galleryId>/ZIPJOB#<jobId> (the client polls it). The
//   worker claims the job with an UpdateItem conditional on status = queued (or running but stale),
//   so a duplicate event never builds it twice, and writes progress and the result conditional on
//   its own runId. ZIP jobs expire after a day (ttl), like the ZIP itself; the gallery's one-Query
//   read meets the few live ones and skips them.

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
  /** Files of a removed image still to delete from the bucket; gone once they are. */
  imageDeletion: (galleryId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `DELETING#${imageId}` }),
  galleryPartition: (galleryId: string) => `GALLERY#${galleryId}`,
  selection: (galleryId: string, clientId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `SELECTION#${clientId}` }),
  pick: (galleryId: string, clientId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `PICK#${clientId}#${imageId}` }),
  favourite: (galleryId: string, clientId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `FAV#${clientId}#${imageId}` }),
  comment: (galleryId: string, imageId: string, createdAt: string, commentId: string) => ({
    PK: `GALLERY#${galleryId}`,
    SK: `COMMENT#${imageId}#${createdAt}#${commentId}`,
  }),
  commentsOfImage: (galleryId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: `COMMENT#${imageId}#` }),
  submission: (galleryId: string, submissionId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `SUBMISSION#${submissionId}` }),
  activity: (galleryId: string, clientId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `ACTIVITY#${clientId}` }),
  zipJob: (galleryId: string, jobId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `ZIPJOB#${jobId}` }),
  shareLink: (galleryId: string, linkId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `SHARELINK#${linkId}` }),
  shareToken: (tokenHash: string) => ({ PK: `SHARE#${tokenHash}`, SK: 'SHARE' }),
  studioGalleries: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'GALLERY#' }),
  magicLink: (tokenHash: string) => ({ PK: `MAGIC#${tokenHash}`, SK: 'MAGIC' }),
  rateWindow: (bucket: string, subject: string, windowStart: number) => ({ PK: `RATE#${bucket}#${subject}`, SK: String(windowStart) }),
} as const;

/** Strips the key attributes before a record leaves the data layer. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'ttl'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, ttl: _ttl, ...rest } = item;
  return rest;
}
