import { useEffect, useMemo, useState } from 'preact/hooks';
import { PhotoGrid, TileImage } from '../../components/photos/PhotoGrid.tsx';
import { ConfirmDanger } from '../../components/ui/ConfirmDanger.tsx';
import { FilterBar, type FilterOption } from '../../components/ui/FilterBar.tsx';
import { AlertIcon, CheckCircleIcon, HeartIcon, StarIcon, TrashIcon } from '../../components/ui/GalleryIcons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Toast, useToast } from '../../components/ui/Toast.tsx';
import { ApiError, call } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import type { ImageStatus, StudioGallery, StudioImage } from '../../lib/gallery-types.ts';
import { UploadPanel } from './UploadPanel.tsx';
import type { Uploader } from './uploader.ts';

type Filter = 'all' | ImageStatus;

const LABEL: Record<ImageStatus, string> = {
  uploading: 'Uploading',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
};

export function PhotosTab({
  gallery,
  images,
  uploader,
  onImages,
  onGallery,
  refresh,
}: {
  gallery: StudioGallery;
  images: StudioImage[];
  uploader: Uploader;
  onImages: (update: (list: StudioImage[]) => StudioImage[]) => void;
  onGallery: (g: StudioGallery) => void;
  refresh: () => Promise<void>;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const [deleting, setDeleting] = useState<StudioImage | null>(null);
  const [toast, say, clearToast] = useToast();
  // Tiles of files on their way show the uploader's progress: re-render as it moves (it throttles itself).
  const [, setTick] = useState(0);
  useEffect(() => uploader.subscribe(() => setTick((n) => n + 1)), [uploader]);

  const counts = useMemo(() => {
    const c: Record<ImageStatus, number> = { uploading: 0, processing: 0, ready: 0, failed: 0 };
    for (const i of images) c[i.status]++;
    return c;
  }, [images]);
  const options: FilterOption<Filter>[] = [
    { value: 'all', label: 'All', count: images.length },
    ...(['uploading', 'processing', 'ready', 'failed'] as const)
      .filter((s) => counts[s] > 0 || s === filter)
      .map((s) => ({ value: s, label: LABEL[s], count: counts[s] })),
  ];
  const shown = useMemo(() => (filter === 'all' ? images : images.filter((i) => i.status === filter)), [images, filter]);

  const summary = [
    plural(images.length, 'photo'),
    counts.ready !== images.length && `${counts.ready.toLocaleString()} ready`,
    counts.uploading && `${counts.uploading.toLocaleString()} uploading`,
    counts.processing && `${counts.processing.toLocaleString()} processing`,
    counts.failed && `${counts.failed.toLocaleString()} failed`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div class="photos-tab">
      {gallery.status === 'archived' ? (
        <Notice role="status" tone="info">
          This gallery is archived, so it takes no new photos. Move it back to another status under Details &amp; rules to add more.
        </Notice>
      ) : (
        <UploadPanel uploader={uploader} />
      )}

      <section class="photos-tab__grid" aria-labelledby="photos-heading">
        <div class="photos-tab__head">
          <h2 id="photos-heading" class="section-heading">
            Photos
          </h2>
          <p class="muted small" aria-live="polite">
            {summary}
          </p>
        </div>
        {images.length > 0 && options.length > 2 && <FilterBar label="Show photos" options={options} value={filter} onChange={setFilter} />}
        {images.length === 0 ? (
          <div class="empty empty--card">
            <p class="empty__title">No photos yet</p>
            <p class="muted">Drop the photos of the shoot above. They appear here while they upload and process.</p>
          </div>
        ) : shown.length === 0 ? (
          <p class="muted">Nothing here right now.</p>
        ) : (
          <PhotoGrid
            items={shown}
            mode="square"
            label={`Photos, ${shown.length}`}
            tileClass={(i) => `stile stile--${i.status}`}
            renderTile={(image, _index, size) => (
              <StudioTile
                image={image}
                size={size}
                cover={gallery.coverImageId === image.imageId}
                progress={image.status === 'uploading' ? uploader.progressOf(image.imageId) : null}
                onDelete={() => setDeleting(image)}
                onStale={() => void refresh().catch(() => {})}
              />
            )}
          />
        )}
      </section>

      {deleting && (
        <DeleteDialog
          gallery={gallery}
          image={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            const gone = deleting;
            setDeleting(null);
            onImages((list) => list.filter((i) => i.imageId !== gone.imageId));
            if (gone.status === 'ready') onGallery({ ...gallery, imageCount: Math.max(0, gallery.imageCount - 1) });
            say(`${gone.fileName} was deleted.`, 'success');
          }}
        />
      )}
      <Toast message={toast} onDismiss={clearToast} />
    </div>
  );
}

function StudioTile({
  image,
  size,
  cover,
  progress,
  onDelete,
  onStale,
}: {
  image: StudioImage;
  size: { width: number; height: number };
  cover: boolean;
  progress: number | null;
  onDelete: () => void;
  onStale: () => void;
}) {
  const ready = image.status === 'ready' && image.thumbUrl;
  return (
    <>
      {ready ? (
        <TileImage src={image.thumbUrl as string} width={size.width} height={size.height} onError={onStale} />
      ) : (
        <div class="stile__state">
          {image.status === 'failed' ? (
            <AlertIcon />
          ) : image.status === 'processing' ? (
            <Spinner />
          ) : (
            <span class="stile__ring" style={{ '--p': `${Math.round((progress ?? 0) * 100)}%` }} aria-hidden="true" />
          )}
          <span class="stile__label">
            {image.status === 'uploading' && progress !== null ? `Uploading ${Math.round(progress * 100)}%` : LABEL[image.status]}
          </span>
          {image.status === 'failed' && <span class="stile__reason">{image.failureReason ?? 'This file could not be processed.'}</span>}
        </div>
      )}
      <div class="stile__foot">
        <span class="stile__name" title={image.fileName}>
          {image.fileName}
        </span>
      </div>
      <div class="stile__marks">
        {cover && (
          <span class="mark-badge" title="Cover">
            <StarIcon />
            <span class="visually-hidden">Cover image</span>
          </span>
        )}
        {image.favourite && (
          <span class="mark-badge is-on" title="Client’s favourite">
            <HeartIcon filled />
            <span class="visually-hidden">Client’s favourite</span>
          </span>
        )}
        {image.selected && (
          <span class="mark-badge mark-badge--select is-on" title="Selected by the client">
            <CheckCircleIcon filled />
            <span class="visually-hidden">Selected by the client</span>
          </span>
        )}
      </div>
      <button type="button" class="stile__delete" onClick={onDelete} aria-label={`Delete ${image.fileName}`}>
        <TrashIcon />
      </button>
    </>
  );
}

function DeleteDialog({
  gallery,
  image,
  onClose,
  onDeleted,
}: {
  gallery: StudioGallery;
  image: StudioImage;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = async () => {
    try {
      await call('deleteImage', { params: { galleryId: gallery.galleryId, imageId: image.imageId } });
    } catch (e) {
      // Already gone (another tab, a colleague): what the studio asked for is done.
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    onDeleted();
  };
  return (
    <ConfirmDanger
      id="delete-text"
      title="Delete this photo?"
      keepLabel="Keep it"
      actionLabel="Delete photo"
      busyLabel="Deleting…"
      onClose={onClose}
      onConfirm={remove}
    >
      <strong class="break">{image.fileName}</strong> and its web versions will be removed from “{gallery.title}”.
      {image.selected || image.favourite ? ' Your client’s marks on it go too.' : ''} This can’t be undone.
    </ConfirmDanger>
  );
}
