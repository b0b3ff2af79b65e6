import { useEffect, useRef, useState } from 'preact/hooks';
import { CloseIcon } from '../../components/ui/GalleryIcons.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { ClientImage, Comment } from '../../lib/gallery-types.ts';
import { callAll } from '../../lib/paging.ts';

/** The comments on one photo, and (when allowed) a form to add one. Lives inside the viewer. */
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
  const [loadError, setLoadError] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const imageId = image.imageId;

  useEffect(() => {
    let live = true;
    setComments(null);
    setLoadError('');
    setError('');
    setStatus('');
    // The whole thread, oldest first, a bounded page per request.
    callAll('listComments', 'comments', { params: { galleryId, imageId } }).then(
      (comments) => live && setComments(comments),
      (e: unknown) => live && setLoadError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [galleryId, imageId]);

  // Into the panel: the text field with a keyboard and mouse; on touch screens the heading, so the
  // on-screen keyboard does not cover the comments before they are read.
  useEffect(() => {
    if (canComment && matchMedia('(hover: hover) and (pointer: fine)').matches) field.current?.focus();
    else document.getElementById('comments-heading')?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const value = text.trim();
    if (!value) {
      setError('Write a comment first.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const { comment } = await call('addComment', { params: { galleryId, imageId }, body: { text: value } });
      setComments((list) => [...(list ?? []), comment]);
      setText('');
      setStatus('Comment sent.');
      onAdded(imageId);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

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
        {comments && comments.length > 0 && (
          <ol class="comments__items">
            {comments.map((c) => (
              <li key={c.commentId} class={`comment comment--${c.author}`}>
                <p class="comment__who">
                  <strong>{c.authorName}</strong> <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                </p>
                <p class="comment__text">{c.text}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
      {canComment && (
        <form class="comments__form" noValidate onSubmit={submit}>
          <label class="field__label" for="comment-text">
            Add a comment
          </label>
          <textarea
            id="comment-text"
            ref={field}
            rows={3}
            maxLength={1000}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'comment-error' : undefined}
          />
          {error && (
            <p class="comments__error" id="comment-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Sending…' : 'Post comment'}
          </button>
        </form>
      )}
      {/* The new comment in the list is the visible confirmation; this only tells screen readers. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
