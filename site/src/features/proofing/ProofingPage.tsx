// A client's gallery in their portal: they look through the photos, mark favourites, select their
// set within the studio's rules, comment, download, and confirm. The state and its API calls live in
// useProofing; this file lays the page out.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Lightbox } from '../../components/photos/Lightbox.tsx';
import { type GridHandle, PhotoGrid, TileImage } from '../../components/photos/PhotoGrid.tsx';
import { PortalFrame, useBranding } from '../../components/portal/PortalFrame.tsx';
import { FilterBar } from '../../components/ui/FilterBar.tsx';
import { CommentIcon } from '../../components/ui/GalleryIcons.tsx';
import { Toast, useToast } from '../../components/ui/Toast.tsx';
import { ApiError, call, goToSignIn } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import type { ClientImage } from '../../lib/gallery-types.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { galleryIdFromPath } from '../../lib/nav.ts';
import type { Branding } from '../../lib/types.ts';
import { ZipDownload } from '../downloads/index.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { TileMarks, ViewerActions } from './Marks.tsx';
import { EmptyFilter, useProofingFilter } from './ProofingFilter.tsx';
import { ProofingHero } from './ProofingHero.tsx';
import { ProofingSkeleton, Unavailable } from './ProofingStates.tsx';
import { type ProofingData, type ProofingMode, useProofing } from './useProofing.ts';

export default function ProofingPage() {
  const [studio, setStudio] = useBranding();
  const load = useLoad(() => {
    const id = galleryIdFromPath(location.pathname);
    if (!id) return Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such gallery.' }));
    return Promise.all([call('getClientMe'), call('getClientGallery', { params: { galleryId: id } })]);
  });
  const error = load.state === 'failed' && load.error instanceof ApiError ? load.error : null;

  useEffect(() => {
    if (load.state === 'ready') setStudio(load.data[0].studio);
    if (error?.code === 'wrong_portal') void goToSignIn();
    if (error && error.code !== 'wrong_portal')
      call('getPortal').then(
        (r) => setStudio(r.studio),
        () => {},
      );
  }, [load.state]);
  const title = load.state === 'ready' ? load.data[1].gallery.title : undefined;
  useTitle(title && studio ? `${title} · ${studio.name}` : undefined);

  return (
    <PortalFrame studio={studio} signedIn={load.state === 'ready'}>
      {load.state === 'loading' && <ProofingSkeleton />}
      {load.state === 'failed' && error?.code !== 'wrong_portal' && <Unavailable error={load.error} retry={load.reload} />}
      {load.state === 'ready' && <Proofing studio={load.data[0].studio} initial={load.data[1]} />}
    </PortalFrame>
  );
}

/** The proofing page's body; the studio's "view as client" renders it too, with a read-only mode. */
export function Proofing({ studio, initial, mode }: { studio: Branding; initial: ProofingData; mode?: ProofingMode }) {
  const [toast, say, clearToast] = useToast();
  const p = useProofing(initial, say, mode);
  const { gallery, images, count } = p;
  const [viewer, setViewer] = useState<{ ids: string[]; index: number } | null>(null);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [zip, setZip] = useState<'all' | 'selected' | null>(null);
  const grid = useRef<GridHandle | null>(null);
  const galleryId = gallery.galleryId;
  const { rules } = gallery;
  // While an invoice holds the originals back, no download is offered (the hero says why).
  const can = gallery.paymentLock ? { ...gallery.can, download: false } : gallery.can;
  const max = rules.selection.max;
  const min = rules.selection.min;
  const selecting = rules.selection.enabled && !rules.viewOnly;
  const { filter, setFilter, filters, shown } = useProofingFilter(images, gallery, selecting);

  // The viewer walks the list as it was when opened: unselecting in "Selected" does not pull the photo away.
  const byId = useMemo(() => new Map(images.map((i) => [i.imageId, i])), [images]);
  const viewerItems = useMemo(
    () => (viewer ? viewer.ids.map((id) => byId.get(id)).filter((i): i is ClientImage => Boolean(i)) : []),
    [viewer, byId],
  );
  const open = (index: number) => setViewer({ ids: shown.map((i) => i.imageId), index });
  const closeViewer = () => {
    const current = viewerItems[viewer?.index ?? 0];
    setViewer(null);
    setCommentsOpen(false);
    // Back to the photo the viewer ended on (its tile may not have been rendered when it opened).
    if (current) requestAnimationFrame(() => grid.current?.reveal(current.imageId, '.ptile__open'));
  };

  const confirmed = Boolean(gallery.confirmedAt);
  const confirmable = can.select && count > 0 && count >= min && (max === null || count <= max);
  const counterText = max !== null ? `${count} of ${max} selected` : `${count} selected`;
  const marks = { can, onFavourite: p.toggleFavourite, onSelect: p.toggleSelected };
  const messages = <Toast message={toast} onDismiss={clearToast} />;

  return (
    <div class="proof">
      <ProofingHero
        gallery={gallery}
        studio={studio}
        photos={images.length}
        count={count}
        selecting={selecting}
        homeHref={mode?.homeHref}
        onZip={(scope) => !p.refusedInPreview() && setZip(scope)}
      />

      {images.length > 0 && (
        <div class="proof-toolbar">
          <div class="container proof-toolbar__inner">
            <FilterBar label="Show" options={filters} value={filter} onChange={setFilter} />
          </div>
        </div>
      )}

      <section class="container proof-photos" aria-label="Photos">
        {images.length === 0 ? (
          <div class="empty empty--card">
            <p class="empty__title">No photos here yet</p>
            <p class="muted">{studio.name} hasn’t added photos to this gallery yet. Check back soon.</p>
          </div>
        ) : shown.length === 0 ? (
          <EmptyFilter filter={filter} />
        ) : (
          <PhotoGrid
            items={shown}
            label={`${filters.find((f) => f.value === filter)?.label ?? 'All'} photos, ${shown.length}`}
            handle={grid}
            tileClass={(i) => `${i.selected ? 'is-selected' : ''}${i.favourite ? ' is-favourite' : ''}`}
            renderTile={(image, index, size) => (
              <>
                <button type="button" class="ptile__open" onClick={() => open(index)} aria-label={`Open ${image.fileName}`}>
                  <TileImage src={image.thumbUrl} width={size.width} height={size.height} onError={p.onStale} />
                </button>
                <TileMarks image={image} {...marks} />
                {image.comments > 0 && (
                  <span class="ptile__comments">
                    <CommentIcon />
                    {image.comments}
                    <span class="visually-hidden"> {image.comments === 1 ? 'comment' : 'comments'}</span>
                  </span>
                )}
              </>
            )}
          />
        )}
      </section>

      {selecting && (
        <div class="proof-bar">
          <div class="container proof-bar__inner">
            <p class="proof-bar__counter" data-testid="selected-counter" aria-live="polite">
              <strong>{counterText}</strong>
              {can.select && min > 0 && count < min && <span class="proof-bar__hint"> · choose at least {min} to confirm</span>}
              {confirmed && <span class="proof-bar__hint"> · confirmed</span>}
            </p>
            {confirmable && (
              <button type="button" class="button button--primary" onClick={() => !p.refusedInPreview() && setConfirming(true)}>
                Confirm final set
              </button>
            )}
          </div>
        </div>
      )}

      {!viewer && messages}

      {viewer && viewerItems.length > 0 && (
        <Lightbox
          items={viewerItems}
          index={Math.min(viewer.index, viewerItems.length - 1)}
          onIndex={(index) => setViewer({ ...viewer, index })}
          onClose={closeViewer}
          messages={messages}
          onEscape={() => {
            if (!commentsOpen) return false;
            setCommentsOpen(false);
            return true;
          }}
          onKey={(key, image) => {
            if (key === 'f' && can.favourite) void p.toggleFavourite(image);
            else if (key === 's' && can.select) void p.toggleSelected(image);
            else return false;
            return true;
          }}
          actions={(image) => (
            <ViewerActions
              image={image}
              {...marks}
              commentsOpen={commentsOpen}
              // The thread is read through the client's own session: the preview does not open it.
              onComments={() => !p.refusedInPreview() && setCommentsOpen((o) => !o)}
              onDownload={p.download}
            />
          )}
          panel={
            commentsOpen && viewerItems[viewer.index] ? (
              <CommentsPanel
                galleryId={galleryId}
                image={viewerItems[viewer.index] as ClientImage}
                canComment={can.comment}
                onClose={() => setCommentsOpen(false)}
                onAdded={p.commentAdded}
              />
            ) : undefined
          }
        />
      )}

      {confirming && (
        <ConfirmDialog
          galleryId={galleryId}
          count={count}
          studio={studio}
          onClose={() => setConfirming(false)}
          onConfirmed={(at) => {
            setConfirming(false);
            p.confirmed(at);
            say(`Thank you! Your final set of ${plural(count, 'photo')} is with ${studio.name}.`, 'success');
            void p.refresh();
            // The button that opened the dialog is gone: the focus goes to what replaced it.
            requestAnimationFrame(() => {
              const note = document.getElementById('gallery-status');
              note?.focus({ preventScroll: true });
              note?.scrollIntoView({ block: 'center', behavior: 'smooth' });
            });
          }}
          onStale={p.refresh}
        />
      )}

      {zip && <ZipDownload galleryId={galleryId} scope={zip} onClose={() => setZip(null)} />}
    </div>
  );
}
