// The comment threads on one photo, inside the portal's viewer: each thread with its replies
// (CommentThread, as everywhere), and a form for a new one when comments are allowed. A reply or a
// resolve by the studio shows while the panel is open (live `changed` events on the gallery's topic).
import { useEffect, useRef, useState } from 'preact/hooks';
import { topics } from '../../../../shared/features/live/constants.ts';
import { CommentComposer } from '../../components/ui/CommentComposer.tsx';
import { CommentThread, threadsFrom } from '../../components/ui/CommentThread.tsx';
import { CloseIcon } from '../../components/ui/GalleryIcons.tsx';
import type { Mentionable } from '../../components/ui/MentionInput.tsx';
import { call, messageOf } from '../../lib/api.ts';
import type { ClientImage, Comment } from '../../lib/gallery-types.ts';
import { useLive } from '../../lib/live.ts';
import { callAll } from '../../lib/paging.ts';
import { asThread } from './thread-view.ts';

export function CommentsPanel({
  galleryId,
  image,
  canComment,
  onClose,
  onAdded,
}: {
  galleryId: string;
  image: ClientImage;
  canComment: boolean;
  onClose: () => void;
  onAdded: (imageId: string) => void;
}) {
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [people, setPeople] = useState<Mentionable[]>([]);
  const [loadError, setLoadError] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const imageId = image.imageId;
  const current = useRef(imageId);
  current.current = imageId;

  // The whole thread, oldest first, a bounded page per request; a late answer for another photo is dropped.
  const reload = () =>
    callAll('listComments', 'comments', { params: { galleryId, imageId } }).then(
      (list) => current.current === imageId && setComments(list),
      (e: unknown) => current.current === imageId && setLoadError(messageOf(e)),
    );

  useEffect(() => {
    setComments(null);
    setLoadError('');
    setError('');
    setStatus('');
    void reload();
  }, [galleryId, imageId]);

  useEffect(() => {
    call('listGalleryPeople', { params: { galleryId } }).then(
      (r) => setPeople(r.people),
      () => setPeople([]),
    );
  }, [galleryId]);

  useLive(
    (event) => {
      if (event.type === 'changed' && event.topic === topics.galleryComments(galleryId)) void reload();
    },
    () => void reload(),
  );

  // Into the panel: the text field with a keyboard and mouse; on touch screens the heading, so the
  // on-screen keyboard does not cover the comments before they are read.
  useEffect(() => {
    if (canComment && matchMedia('(hover: hover) and (pointer: fine)').matches) document.getElementById('comment-text')?.focus();
    else document.getElementById('comments-heading')?.focus();
  }, []);

  const post = async (text: string, mentions: string[], parentId?: string): Promise<boolean> => {
    setError('');
    try {
      const body = { text, ...(mentions.length > 0 && { mentions }), ...(parentId && { parentId }) };
      const { comment } = await call('addComment', { params: { galleryId, imageId }, body });
      setComments((list) => [...(list ?? []), comment]);
      setStatus(parentId ? 'Reply sent.' : 'Comment sent.');
      onAdded(imageId);
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };

  const reopen = async (commentId: string) => {
    setError('');
    try {
      await call('reopenImageComment', { params: { galleryId, imageId, commentId }, body: { resolved: false } });
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const threads = threadsFrom(comments ?? []);
  return (
    <section class="comments" id="comments-panel" aria-labelledby="comments-heading">
      <div class="comments__head">
        <h2 id="comments-heading" class="comments__title" tabIndex={-1}>
          Comments <span class="visually-hidden">on {image.fileName}</span>
        </h2>
        <button type="button" class="icon-button icon-button--dark" onClick={onClose} aria-label="Close comments">
          <CloseIcon />
        </button>
      </div>
      <div class="comments__list">
        {loadError && <p class="comments__empty">{loadError}</p>}
        {!loadError && comments === null && <p class="comments__empty">Loading comments…</p>}
        {comments?.length === 0 && (
          <p class="comments__empty">No comments yet.{canComment ? ' Ask a question or leave a note for the studio.' : ''}</p>
        )}
        {threads.length > 0 && (
          <ol class="comments__items comment-threads">
            {threads.map(({ root, replies }, i) => (
              <CommentThread
                key={root.commentId}
                id={`thread-${root.commentId}`}
                label={`Comment ${i + 1}`}
                root={asThread(root)}
                replies={replies.map(asThread)}
                people={people}
                canReply={canComment}
                canResolve={false}
                canReopen={root.mine}
                onReply={(text, mentions) => post(text, mentions, root.commentId)}
                onResolve={(resolved) => (resolved ? undefined : reopen(root.commentId))}
              />
            ))}
          </ol>
        )}
      </div>
      {error && (
        <p class="comments__error" id="comment-error" role="alert">
          {error}
        </p>
      )}
      {canComment && (
        <div class="comments__form">
          <CommentComposer id="comment-text" label="Add a comment" people={people} maxLength={1000} onSubmit={(t, m) => post(t, m)} />
        </div>
      )}
      {/* The new comment in the list is the visible confirmation; this only tells screen readers. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
