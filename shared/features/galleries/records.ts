// Galleries and the gallery's partition: the records' types and their keys. A gallery lives under
// its studio; everything in it (images, each client's marks, comments, submissions, activity, ZIP
// jobs, share links) lives in one partition, so one Query of one sort-key range reads what its view
// shows, and each of its lists is a prefix read a page at a time. The partition's keys are built
// here, for every feature that writes into it (uploads, proofing, downloads, share links): one
// owner, one layout.
import type { DerivedFormat, Variant } from '../../data/objects.ts';
import type { FeatureRecords } from '../../data/records.ts';
import type { GalleryRules, GalleryStatus, ImageStatus } from './schemas.ts';

export interface Gallery {
  galleryId: string;
  studioId: string;
  clientId: string;
  projectId: string | null;
  title: string;
  status: GalleryStatus;
  shootDate: string | null;
  deadline: string | null;
  welcomeNote?: string;
  tags?: string[];
  rules?: GalleryRules;
  imageCount: number;
  coverImageId?: string | null;
  /** Thumbnail of the cover image, shown on the gallery card. */
  coverThumbKey: string | null;
  /** The team members (studio user ids) who work on it; admins and owners work on every gallery. */
  assigneeIds?: string[];
  createdAt: string;
}

export interface ImageRecord {
  imageId: string;
  galleryId: string;
  studioId: string;
  /** The name the studio uploaded it under (sanitised), shown to clients and used in downloads. */
  fileName: string;
  contentType: string;
  size: number;
  originalKey: string;
  status: ImageStatus;
  failureReason: string | null;
  /** Upload order; the grid sorts by capture time, then this. */
  position: number;
  uploadedAt: string;
  // Filled in by the pipeline:
  width: number | null;
  height: number | null;
  takenAt: string | null;
  camera: string | null;
  /** Keys of the derived files, by variant and format. */
  derived: Partial<Record<Variant, Partial<Record<DerivedFormat, string>>>> | null;
  /** A tiny placeholder (ThumbHash, base64) the grid shows while the thumbnail loads. */
  placeholder: string | null;
  /** While uploading: when the record expires (epoch seconds), should its file never arrive. */
  ttl?: number;
  /**
   * Comments on the image, counted in the transaction that writes each one, so the gallery's read
   * shows counts without reading a comment (absent: none yet).
   */
  commentCount?: number;
}

/** What the image pipeline writes into an image record once its files are made. */
export interface ProcessedImage {
  width: number;
  height: number;
  takenAt: string | null;
  camera: string | null;
  derived: NonNullable<ImageRecord['derived']>;
  placeholder: string;
}

export interface SelectionState {
  clientId: string;
  count: number;
  confirmedAt: string | null;
  submissionId: string | null;
}

export interface SubmissionRecord {
  submissionId: string;
  galleryId: string;
  clientId: string;
  clientName: string;
  clientEmail: string;
  confirmedAt: string;
  count: number;
  imageIds: string[];
  fileNames: string[];
}

export interface ActivityRecord {
  clientId: string;
  views?: number;
  downloads?: number;
  lastViewAt?: string;
  lastDownloadAt?: string;
}

export interface ShareLinkRecord {
  linkId: string;
  galleryId: string;
  studioId: string;
  access: 'view' | 'download';
  /** scrypt hash (salt:hash, hex) of the password, or null for none. */
  passwordHash: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  uses: number;
  lastUsedAt: string | null;
}

export interface GalleryContents {
  images: ImageRecord[];
  selections: Map<string, SelectionState>;
  /** `${clientId}#${imageId}` of every selected image. */
  picks: Set<string>;
  favourites: Set<string>;
  /** DynamoDB requests this read took (pages), for the benchmarks and the test that comments stay out of it. */
  requests: number;
}

export const keys = {
  gallery: (studioId: string, galleryId: string) => ({ PK: `STUDIO#${studioId}`, SK: `GALLERY#${galleryId}` }),
  galleryIndex: (clientId: string, galleryId: string) => ({ GSI1PK: `CLIENT#${clientId}`, GSI1SK: `GALLERY#${galleryId}` }),
  clientGalleriesIndex: (clientId: string) => ({ GSI1PK: `CLIENT#${clientId}`, GSI1SKPrefix: 'GALLERY#' }),
  studioGalleries: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'GALLERY#' }),
  galleryPartition: (galleryId: string) => `GALLERY#${galleryId}`,
  image: (galleryId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `IMAGE#${imageId}` }),
  /** Files of a removed image still to delete from the bucket; gone once they are. */
  imageDeletion: (galleryId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `DELETING#${imageId}` }),
  selection: (galleryId: string, clientId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `SELECTION#${clientId}` }),
  pick: (galleryId: string, clientId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `PICK#${clientId}#${imageId}` }),
  favourite: (galleryId: string, clientId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `FAV#${clientId}#${imageId}` }),
  comment: (galleryId: string, imageId: string, createdAt: string, commentId: string) => ({
    PK: `GALLERY#${galleryId}`,
    SK: `COMMENT#${imageId}#${createdAt}#${commentId}`,
  }),
  commentsOfImage: (galleryId: string, imageId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: `COMMENT#${imageId}#` }),
  /** Every comment of a gallery, by image then time (the studio's comments view). */
  commentsOfGallery: (galleryId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: 'COMMENT#' }),
  /** Where a thread's root comment is (its image and time), found by its id for a reply or a resolve. */
  commentRef: (galleryId: string, commentId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `COMMENTREF#${commentId}` }),
  submission: (galleryId: string, submissionId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `SUBMISSION#${submissionId}` }),
  submissionsOf: (galleryId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: 'SUBMISSION#' }),
  activity: (galleryId: string, clientId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `ACTIVITY#${clientId}` }),
  activityOf: (galleryId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: 'ACTIVITY#' }),
  zipJob: (galleryId: string, jobId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `ZIPJOB#${jobId}` }),
  /** One of the few places a client's live ZIP jobs of a gallery take (the cap). */
  zipSlot: (galleryId: string, clientId: string, slot: number) => ({ PK: `GALLERY#${galleryId}`, SK: `ZIPSLOT#${clientId}#${slot}` }),
  zipSlotsOf: (galleryId: string, clientId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: `ZIPSLOT#${clientId}#` }),
  /** The job last built for one set of files (a hash of scope, name and entries), to hand out again. */
  zipSet: (galleryId: string, clientId: string, fingerprint: string) => ({
    PK: `GALLERY#${galleryId}`,
    SK: `ZIPSET#${clientId}#${fingerprint}`,
  }),
  shareLink: (galleryId: string, linkId: string) => ({ PK: `GALLERY#${galleryId}`, SK: `SHARELINK#${linkId}` }),
  shareLinksOf: (galleryId: string) => ({ PK: `GALLERY#${galleryId}`, SKPrefix: 'SHARELINK#' }),
  /**
   * The sort-key range of what a gallery's view reads: favourites, images, picks and selection states
   * sort next to each other (FAV# < IMAGE# < PICK# < SELECTION#), and everything else of the partition
   * (activity, comments, removal notes, share links, submissions, ZIP items) sorts outside it, so one
   * `SK BETWEEN` leaves thousands of comments unread. `SELECTION$` is just past every `SELECTION#…`.
   */
  galleryView: (galleryId: string) => ({ PK: `GALLERY#${galleryId}`, SKFrom: 'FAV#', SKTo: 'SELECTION$' }),
} as const;

/** The sort-key prefixes of the gallery partition: how its one Query tells its items apart. */
export const PARTITION_ITEM = {
  image: 'IMAGE#',
  deleting: 'DELETING#',
  selection: 'SELECTION#',
  pick: 'PICK#',
  favourite: 'FAV#',
  comment: 'COMMENT#',
  commentRef: 'COMMENTREF#',
  submission: 'SUBMISSION#',
  activity: 'ACTIVITY#',
  zipJob: 'ZIPJOB#',
  zipSlot: 'ZIPSLOT#',
  zipSet: 'ZIPSET#',
  shareLink: 'SHARELINK#',
} as const;

export const records: FeatureRecords = {
  feature: 'galleries',
  rows: [
    { record: 'Gallery', PK: 'STUDIO#<studioId>', SK: 'GALLERY#<galleryId>', GSI1PK: 'CLIENT#<clientId>', GSI1SK: 'GALLERY#<galleryId>' },
    { record: 'Image', PK: 'GALLERY#<galleryId>', SK: 'IMAGE#<imageId>', ttl: true },
    { record: 'Image removal note', PK: 'GALLERY#<galleryId>', SK: 'DELETING#<imageId>' },
    { record: 'Selection state', PK: 'GALLERY#<galleryId>', SK: 'SELECTION#<clientId>' },
    { record: 'Selected image', PK: 'GALLERY#<galleryId>', SK: 'PICK#<clientId>#<imageId>' },
    { record: 'Favourite', PK: 'GALLERY#<galleryId>', SK: 'FAV#<clientId>#<imageId>' },
    { record: 'Comment', PK: 'GALLERY#<galleryId>', SK: 'COMMENT#<imageId>#<at>#<commentId>' },
    { record: "A comment thread's pointer", PK: 'GALLERY#<galleryId>', SK: 'COMMENTREF#<commentId>' },
    { record: 'Submission', PK: 'GALLERY#<galleryId>', SK: 'SUBMISSION#<submissionId>' },
    { record: 'Activity', PK: 'GALLERY#<galleryId>', SK: 'ACTIVITY#<clientId>' },
    { record: 'ZIP job', PK: 'GALLERY#<galleryId>', SK: 'ZIPJOB#<jobId>', ttl: true },
    { record: "A client's ZIP slot", PK: 'GALLERY#<galleryId>', SK: 'ZIPSLOT#<clientId>#<n>', ttl: true },
    { record: "A client's ZIP of one set", PK: 'GALLERY#<galleryId>', SK: 'ZIPSET#<clientId>#<fingerprint>', ttl: true },
    { record: 'Share link', PK: 'GALLERY#<galleryId>', SK: 'SHARELINK#<linkId>' },
  ],
  accessPatterns: [
    "A client's galleries: Query GSI1 GSI1PK=CLIENT#<clientId>, GSI1SK begins_with GALLERY#.",
    "A studio's galleries: Query PK=STUDIO#<studioId>, SK begins_with GALLERY#.",
    "A gallery's images: Query PK=GALLERY#<galleryId>, SK begins_with IMAGE# (the gallery record, found first under its studio, is what proves the caller may see them).",
    'A gallery to proof: ONE paginated Query of PK=GALLERY#<galleryId>, SK BETWEEN FAV# AND SELECTION$ returns the images (each with its commentCount), the selection states, picks and favourites together; comments, activity, submissions, share links and ZIP items sort outside that range and are never read.',
    'Comment on an image: one transaction puts COMMENT#<imageId>#<at>#<commentId> and adds 1 to the IMAGE#<imageId> commentCount (conditional on the image existing), so the count never drifts from the comments.',
    'A thread on an image: the root comment is written with COMMENTREF#<commentId> (its imageId and time) in the same transaction; a reply or a resolve finds the root by GetItem of that pointer, then reads or updates COMMENT#<imageId>#<at>#<commentId> by its key. Replies are comments too (parentId names the root), so they sort after it in the same list.',
    "A gallery's comments for the studio, by image then time, a page at a time: Query PK=GALLERY#<galleryId>, SK begins_with COMMENT# (COMMENTREF# items do not match the prefix).",
    "An image's comments, a gallery's submissions, activity or share links, a page at a time: Query PK=GALLERY#<galleryId>, SK begins_with COMMENT#<imageId># / SUBMISSION# / ACTIVITY# / SHARELINK#, Limit n+1, ExclusiveStartKey from the cursor (shared/data/db.ts queryPage; a cursor naming another partition or list is refused).",
    'Select within the maximum: one transaction increments SELECTION#<clientId>.count on condition count < max and not confirmed, and creates PICK#…; unselect is its mirror. The count can never pass the maximum or drift from the picks, whatever runs concurrently.',
    'Confirm the final set: one transaction sets confirmedAt on SELECTION#<clientId> on condition the count is what was read, and writes SUBMISSION#…',
    "An upload: the ticket writes IMAGE#… as uploading with a ttl (a day; uploads/domain/uploads.ts), removed when processing starts, so an abandoned upload's record expires.",
    "Remove an image: one transaction deletes IMAGE#… with the client's marks and writes DELETING#<imageId> (the files to delete); the note goes once the files are gone, so a retry after an S3 failure finishes the removal.",
    "A ZIP download's status: GetItem GALLERY#<galleryId>/ZIPJOB#<jobId> (the client polls it). The worker claims the job with an UpdateItem conditional on status = queued (or running but stale), so a duplicate event never builds it twice, and writes progress and the result conditional on its own runId. ZIP jobs expire after a day (ttl), like the ZIP itself; the gallery's one-Query read never meets them (they sort past its range).",
    "A client's live ZIPs of a gallery: Query GALLERY#<galleryId>, SK begins_with ZIPSLOT#<clientId># (at most the cap); a new job takes a free slot (none, or its job finished) with a PutItem conditional on the slot being as read, so concurrent requests never pass the cap.",
    'The same set asked for again: GetItem ZIPSET#<clientId>#<fingerprint> names the job built for it; a live or ready, unexpired one is handed out instead of a new build.',
  ],
};
