// The studio's view of a gallery's comment threads, photo by photo: read, reply (with @mentions),
// resolve and reopen. New comments and replies by the client show while the tab is open.
import { useEffect, useState } from 'preact/hooks';
import { topics } from '../../../../shared/features/live/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { CommentThread, threadsFrom } from '../../components/ui/CommentThread.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import type { Mentionable } from '../../components/ui/MentionInput.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import type { Comment, StudioGallery, StudioImage } from '../../lib/gallery-types.ts';
import { useLive } from '../../lib/live.ts';
import { callAll } from '../../lib/paging.ts';
import { asThread } from './thread-view.ts';

type Loaded = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; comments: Comment[] };

export function CommentsTab({ gallery, images }: { gallery: StudioGallery; images: StudioImage[] }) {
  const galleryId = gallery.galleryId;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [people, setPeople] = useState<Mentionable[]>([]);
  const [error, setError] = useState('');
  const reload = () =>
    callAll('listStudioGalleryComments', 'comments', { params: { galleryId } }).then(
      (comments) => setLoaded({ state: 'ready', comments }),
      (e: unknown) => setLoaded((now) => (now.state === 'ready' ? now : { state: 'failed', error: e })),
    );
  useEffect(() => {
    void reload();
    call('listStudioGalleryPeople', { params: { galleryId } }).then(
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

  const act = async (f: () => Promise<unknown>): Promise<boolean> => {
    setError('');
    try {
      await f();
      await reload();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };

  const comments = loaded.state === 'ready' ? loaded.comments : [];
  const imageIds = [...new Set(comments.map((c) => c.imageId))];
  const byId = new Map(images.map((i) => [i.imageId, i]));
  return (
    <section aria-labelledby="comments-tab-heading" class="gallery-comments">
      <div class="section-head">
        <h2 id="comments-tab-heading" class="section-heading">
          Comments
        </h2>
      </div>
      <Notice role="alert">{error}</Notice>
      {loaded.state === 'loading' && <Loading label="Loading comments…" />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={() => void reload()} />}
      {loaded.state === 'ready' && imageIds.length === 0 && (
        <div class="empty empty--card">
          <p class="empty__title">No comments yet</p>
          <p class="muted">When {gallery.clientName} comments on a photo, the thread appears here for you to answer.</p>
        </div>
      )}
      {imageIds.map((imageId) => {
        const image = byId.get(imageId);
        const name = image?.fileName ?? 'A removed photo';
        return (
          <article key={imageId} class="card gallery-comments__image" aria-label={`Comments on ${name}`}>
            <header class="gallery-comments__head">
              {image?.thumbUrl && <img class="gallery-comments__thumb" src={image.thumbUrl} alt="" width={64} height={64} />}
              <h3 class="gallery-comments__name">{name}</h3>
            </header>
            <ol class="comment-threads">
              {threadsFrom(comments.filter((c) => c.imageId === imageId)).map(({ root, replies }, i) => (
                <CommentThread
                  key={root.commentId}
                  id={`thread-${root.commentId}`}
                  label={`Comment ${i + 1} on ${name}`}
                  root={asThread(root)}
                  replies={replies.map(asThread)}
                  people={people}
                  canReply={!!image}
                  canResolve
                  canReopen
                  onReply={(text, mentions) =>
                    act(() =>
                      call('addStudioImageComment', {
                        params: { galleryId, imageId },
                        body: { text, parentId: root.commentId, ...(mentions.length > 0 && { mentions }) },
                      }),
                    )
                  }
                  onResolve={(resolved) =>
                    act(() =>
                      call('resolveStudioImageComment', { params: { galleryId, imageId, commentId: root.commentId }, body: { resolved } }),
                    )
                  }
                />
              ))}
            </ol>
          </article>
        );
      })}
    </section>
  );
}
