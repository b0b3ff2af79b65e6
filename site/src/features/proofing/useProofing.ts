// The proofing page's state and actions: the gallery, its images with the client's marks and the
// selected count. Marks change at once on screen and are put back when the API says no.
import { useRef, useState } from 'preact/hooks';
import type { ToastMessage } from '../../components/ui/Toast.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import type { ClientGalleryDetail, ClientImage } from '../../lib/gallery-types.ts';
import { lockSentence } from '../invoices/index.ts';

export interface ProofingData {
  gallery: ClientGalleryDetail;
  images: ClientImage[];
}

type Say = (text: string, tone?: ToastMessage['tone']) => void;

/** A fresh answer, keeping the presigned URLs already loaded (new signatures would refetch every photo). */
function mergeImages(old: readonly ClientImage[], fresh: ClientImage[]): ClientImage[] {
  const byId = new Map(old.map((i) => [i.imageId, i]));
  return fresh.map((i) => {
    const was = byId.get(i.imageId);
    return was ? { ...i, thumbUrl: was.thumbUrl, previewUrl: was.previewUrl } : i;
  });
}

/**
 * How the page is shown: to the client on their portal, or to the studio as "view as client", where
 * the same controls answer `readOnly` instead of calling anything (the API would refuse them too:
 * the preview holds no client session) and fresh data comes from the studio's preview route.
 */
export interface ProofingMode {
  reload: () => Promise<ProofingData>;
  readOnly?: string;
  /** Where the page's "All galleries" leads (the portal home when not given). */
  homeHref?: string;
}

const portalMode = (galleryId: string): ProofingMode => ({ reload: () => call('getClientGallery', { params: { galleryId } }) });

export function useProofing(initial: ProofingData, say: Say, mode: ProofingMode = portalMode(initial.gallery.galleryId)) {
  const [gallery, setGallery] = useState(initial.gallery);
  const [images, setImages] = useState(initial.images);
  const [count, setCount] = useState(initial.gallery.selectedCount);
  const galleryId = gallery.galleryId;
  const { can } = gallery;
  const max = gallery.rules.selection.max;

  // Latest request per image and action: an older answer never undoes a newer tap.
  const latest = useRef(new Map<string, number>());
  const seq = useRef(0);
  const countRef = useRef(count);
  countRef.current = count;

  const patch = (imageId: string, change: Partial<ClientImage>) =>
    setImages((list) => list.map((i) => (i.imageId === imageId ? { ...i, ...change } : i)));

  const refresh = async () => {
    try {
      const fresh = await mode.reload();
      setGallery(fresh.gallery);
      setCount(fresh.gallery.selectedCount);
      setImages((old) => mergeImages(old, fresh.images));
    } catch {
      // The page keeps what it has; the next action will tell if something is wrong.
    }
  };

  // Presigned photo URLs expire (hours): a photo that fails to load reloads the list, once a minute at most.
  const lastStale = useRef(0);
  const onStale = () => {
    if (Date.now() - lastStale.current < 60_000) return;
    lastStale.current = Date.now();
    mode.reload().then(
      (fresh) => setImages(fresh.images),
      () => {},
    );
  };

  const fullMessage = () => `You’ve chosen the maximum of ${max}. Unselect a photo to choose another.`;

  /** True (and the page says so) when nothing may be changed here. */
  const refusedInPreview = () => {
    if (mode.readOnly) say(mode.readOnly, 'info');
    return Boolean(mode.readOnly);
  };

  const toggleFavourite = async (image: ClientImage) => {
    if (!can.favourite || refusedInPreview()) return;
    const next = !image.favourite;
    const key = `f:${image.imageId}`;
    const mine = ++seq.current;
    latest.current.set(key, mine);
    patch(image.imageId, { favourite: next });
    try {
      await call('setFavourite', { params: { galleryId, imageId: image.imageId }, body: { favourite: next } });
    } catch (e) {
      if (latest.current.get(key) === mine) patch(image.imageId, { favourite: !next });
      say(`We couldn’t ${next ? 'save' : 'remove'} that favourite. ${messageOf(e)}`);
    }
  };

  const toggleSelected = async (image: ClientImage) => {
    if (!can.select || refusedInPreview()) return;
    const next = !image.selected;
    if (next && max !== null && countRef.current >= max) return say(fullMessage(), 'info');
    const key = `s:${image.imageId}`;
    const mine = ++seq.current;
    latest.current.set(key, mine);
    latest.current.set('count', mine);
    patch(image.imageId, { selected: next });
    setCount((c) => c + (next ? 1 : -1));
    try {
      const r = await call('setSelection', { params: { galleryId, imageId: image.imageId }, body: { selected: next } });
      if (latest.current.get('count') === mine) setCount(r.selectedCount);
    } catch (e) {
      if (latest.current.get(key) === mine) patch(image.imageId, { selected: !next });
      setCount((c) => c - (next ? 1 : -1));
      if (e instanceof ApiError && e.code === 'selection_full') say(fullMessage(), 'info');
      else if (e instanceof ApiError && (e.code === 'selection_confirmed' || e.code === 'not_allowed')) {
        say(e.message, 'info');
        void refresh();
      } else say(`We couldn’t ${next ? 'select' : 'unselect'} that photo. ${messageOf(e)}`);
    }
  };

  /** A download refused for an unpaid invoice: the page learns of the lock (its notice appears) and says so. */
  const paymentRequired = async (e: ApiError) => {
    const fresh = await mode.reload().catch(() => null);
    if (fresh) {
      setGallery(fresh.gallery);
      setImages((old) => mergeImages(old, fresh.images));
    }
    const lock = fresh?.gallery.paymentLock;
    say(lock ? lockSentence(lock, 'originals') : e.message, 'info');
  };

  const download = async (image: ClientImage) => {
    if (refusedInPreview()) return;
    try {
      const { url } = await call('downloadImage', { params: { galleryId, imageId: image.imageId } });
      location.assign(url);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'payment_required') return void paymentRequired(e);
      say(`We couldn’t start that download. ${messageOf(e)}`);
    }
  };

  const commentAdded = (imageId: string) =>
    setImages((list) => list.map((i) => (i.imageId === imageId ? { ...i, comments: i.comments + 1 } : i)));

  /** The set is confirmed: the gallery locks for this client at once, before the refresh confirms it. */
  const confirmed = (at: string) =>
    setGallery((g) => ({ ...g, confirmedAt: at, status: 'locked', can: { ...g.can, select: false, confirm: false } }));

  return { gallery, images, count, refresh, onStale, toggleFavourite, toggleSelected, download, commentAdded, confirmed, refusedInPreview };
}
