import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Role } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Tabs } from '../../components/ui/Tabs.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { plural } from '../../lib/format.ts';
import type { StudioGallery, StudioImage } from '../../lib/gallery-types.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { galleryIdFromPath } from '../../lib/nav.ts';
import { CommentsTab, SubmissionsTab } from '../proofing/index.ts';
import { ActivityTab, ShareLinksTab } from '../share-links/index.ts';
import { PhotosTab, Uploader } from '../uploads/index.ts';
import { DetailsTab } from './DetailsTab.tsx';
import { STUDIO_STATUS } from './studio-status.ts';

const TABS = [
  { id: 'photos', label: 'Photos' },
  { id: 'details', label: 'Details & rules' },
  { id: 'comments', label: 'Comments' },
  { id: 'submissions', label: 'Submissions' },
  { id: 'share', label: 'Share links' },
  { id: 'activity', label: 'Activity' },
] as const;

/** Presigned thumbnail URLs live an hour: a poll keeps the ones already shown while they are younger than this. */
const KEEP_URL_MS = 40 * 60_000;
/** Polling stops when nothing has changed for this long (and this tab is not uploading). */
const STALE_MS = 2 * 60_000;

export default function GalleryDetailPage() {
  const load = useLoad(() => {
    const id = galleryIdFromPath(location.pathname);
    if (!id) return Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such gallery.' }));
    return Promise.all([call('getStudioMe'), call('getStudioGallery', { params: { galleryId: id } })]);
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  const title = load.state === 'ready' ? load.data[1].gallery.title : undefined;
  useTitle(me && title ? `${title} · ${me.studio.name} · Portico` : undefined);
  const missing = load.state === 'failed' && load.error instanceof ApiError && load.error.status === 404;

  return (
    <AppShell current="galleries" studioName={me?.studio.name} role={me?.user.role}>
      <a class="back-link" href="/galleries">
        <BackIcon />
        All galleries
      </a>
      {load.state === 'loading' && <Loading label="Loading the gallery…" />}
      {missing && (
        <div class="panel panel--center">
          <h1>Gallery not found</h1>
          <p class="muted">It may have been removed, or the address is mistyped.</p>
          <a class="button button--primary" href="/galleries">
            See all galleries
          </a>
        </div>
      )}
      {load.state === 'failed' && !missing && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' && <GalleryStudio initial={load.data[1]} portalUrl={load.data[0].portalUrl} role={load.data[0].user.role} />}
    </AppShell>
  );
}

function GalleryStudio({
  initial,
  portalUrl,
  role,
}: {
  initial: { gallery: StudioGallery; images: StudioImage[] };
  portalUrl: string;
  role: Role;
}) {
  const [gallery, setGallery] = useState(initial.gallery);
  const [images, setImages] = useState(initial.images);
  const galleryId = gallery.galleryId;
  const urlTimes = useRef(new Map<string, number>(initial.images.map((i) => [i.imageId, Date.now()])));

  /** A fresh list, keeping thumbnail URLs already loaded (new signatures would refetch every image). */
  const lastChange = useRef(Date.now());
  const applyImages = (fresh: StudioImage[]) =>
    setImages((old) => {
      const now = Date.now();
      const before = old.map((i) => `${i.imageId}:${i.status}`).join();
      if (before !== fresh.map((i) => `${i.imageId}:${i.status}`).join()) lastChange.current = now;
      const byId = new Map(old.map((i) => [i.imageId, i]));
      return fresh.map((image) => {
        const was = byId.get(image.imageId);
        const at = urlTimes.current.get(image.imageId) ?? 0;
        if (was?.thumbUrl && image.thumbUrl && now - at < KEEP_URL_MS) return { ...image, thumbUrl: was.thumbUrl };
        if (image.thumbUrl) urlTimes.current.set(image.imageId, now);
        return image;
      });
    });

  const refresh = async () => {
    const fresh = await call('getStudioGallery', { params: { galleryId } });
    setGallery(fresh.gallery);
    applyImages(fresh.images);
  };

  const uploader = useMemo(
    () =>
      new Uploader(galleryId, (image) =>
        setImages((list) =>
          list.some((i) => i.imageId === image.imageId) ? list.map((i) => (i.imageId === image.imageId ? image : i)) : [...list, image],
        ),
      ),
    [galleryId],
  );
  const [uploading, setUploading] = useState(false);
  useEffect(() => uploader.subscribe(() => setUploading(uploader.running)), [uploader]);

  // While anything is on its way (uploading, processing), the list is asked again every few seconds.
  const busy = uploading || images.some((i) => i.status === 'uploading' || i.status === 'processing');
  useEffect(() => {
    if (!busy) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const every = images.length > 500 ? 8000 : 3000;
    lastChange.current = Date.now();
    const tick = () => {
      timer = setTimeout(async () => {
        // Nothing moved for two minutes and nothing is being sent from here: what is left "uploading"
        // was abandoned (a closed tab), and a reload or the next upload starts polling again.
        if (!uploader.running && Date.now() - lastChange.current > STALE_MS) return;
        try {
          await refresh();
        } catch {
          // A missed poll is retried on the next tick.
        }
        if (live) tick();
      }, every);
    };
    tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [busy, uploading]);

  const status = STUDIO_STATUS[gallery.status];
  return (
    <>
      <div class="page-head gallery-head">
        <div class="gallery-head__title">
          <h1>{gallery.title}</h1>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        <p class="page-head__lead">
          For <strong>{gallery.clientName}</strong>
          {gallery.shootDate && (
            <>
              {' '}
              · shot <time dateTime={gallery.shootDate}>{formatDate(gallery.shootDate)}</time>
            </>
          )}
          {gallery.deadline && (
            <>
              {' '}
              · choose by <time dateTime={gallery.deadline}>{formatDate(gallery.deadline)}</time>
            </>
          )}{' '}
          · {plural(gallery.imageCount, 'photo')}
          {gallery.rules.selection.enabled && <> · {gallery.selectedCount.toLocaleString()} selected</>}
          {gallery.confirmedAt && (
            <>
              {' '}
              · confirmed <time dateTime={gallery.confirmedAt}>{formatDate(gallery.confirmedAt)}</time>
            </>
          )}
        </p>
        {gallery.status === 'draft' && <PublishBar gallery={gallery} images={images} onPublished={setGallery} portalUrl={portalUrl} />}
      </div>

      <Tabs tabs={TABS} label="Gallery sections">
        {(tab) => (
          <>
            {tab === 'photos' && (
              <PhotosTab
                gallery={gallery}
                images={images}
                uploader={uploader}
                onImages={setImages}
                onGallery={setGallery}
                refresh={refresh}
              />
            )}
            {tab === 'details' && <DetailsTab gallery={gallery} images={images} onSaved={setGallery} role={role} />}
            {tab === 'comments' && <CommentsTab gallery={gallery} images={images} />}
            {tab === 'submissions' && <SubmissionsTab gallery={gallery} />}
            {tab === 'share' && <ShareLinksTab gallery={gallery} />}
            {tab === 'activity' && <ActivityTab gallery={gallery} />}
          </>
        )}
      </Tabs>
    </>
  );
}

/** A draft's one obvious next step: share it with the client. */
function PublishBar({
  gallery,
  images,
  onPublished,
  portalUrl,
}: {
  gallery: StudioGallery;
  images: StudioImage[];
  onPublished: (g: StudioGallery) => void;
  portalUrl: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ready = images.filter((i) => i.status === 'ready').length;
  const publish = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const { gallery: updated } = await call('updateGallery', { params: { galleryId: gallery.galleryId }, body: { status: 'proofing' } });
      onPublished(updated);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="publish-bar">
      <p>
        <strong>This gallery is a draft.</strong> Publish it to let {gallery.clientName} see {ready ? plural(ready, 'photo') : 'it'} in{' '}
        <a href={portalUrl} target="_blank" rel="noopener">
          your portal<span class="visually-hidden"> (opens in a new tab)</span>
        </a>
        .
      </p>
      <button type="button" class="button button--primary" onClick={publish} aria-disabled={busy || undefined}>
        {busy && <Spinner />}
        {busy ? 'Publishing…' : 'Publish for proofing'}
      </button>
      <Notice role="alert">{error}</Notice>
    </div>
  );
}
