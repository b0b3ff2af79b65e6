// Proofing's own record: a comment on an image. It lives in the gallery's partition, whose keys
// (and rows of the key table) galleries/records.ts owns, with the selection, picks and favourites.

export interface CommentRecord {
  commentId: string;
  imageId: string;
  author: 'client' | 'studio';
  authorName: string;
  authorId: string;
  text: string;
  createdAt: string;
}
