// A gallery image's comment as the shared thread component shows it (both hosts answer the same shape).
import type { ThreadComment } from '../../components/ui/CommentThread.tsx';
import type { Comment } from '../../lib/gallery-types.ts';

export const asThread = (c: Comment): ThreadComment => ({
  commentId: c.commentId,
  authorName: c.authorName,
  authorSide: c.author,
  mine: c.mine,
  text: c.text,
  mentions: c.mentions,
  createdAt: c.createdAt,
  resolvedAt: c.resolvedAt,
  resolvedBy: c.resolvedBy,
});
