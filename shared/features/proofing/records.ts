// Proofing's own record: a comment on an image. It lives in the gallery's partition, whose keys
// (and rows of the key table) galleries/records.ts owns, with the selection, picks and favourites.
import type { PersonKey } from '../people/index.ts';

export interface CommentRecord {
  commentId: string;
  imageId: string;
  author: 'client' | 'studio';
  authorName: string;
  authorId: string;
  text: string;
  createdAt: string;
  /** A reply names its thread's root comment (one level deep); absent or null on a root. */
  parentId?: string | null;
  /** The people it mentions, with their names when it was written. */
  mentions?: { person: PersonKey; name: string }[];
  /** A root comment's thread: resolved when, and by whom (a name). */
  resolvedAt?: string | null;
  resolvedBy?: string | null;
}

/** Where a thread's root comment is: what a reply or a resolve needs to reach it by its key. */
export interface CommentRef {
  commentId: string;
  imageId: string;
  createdAt: string;
}
