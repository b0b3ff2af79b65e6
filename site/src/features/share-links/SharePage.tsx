import { useEffect, useRef, useState } from 'preact/hooks';
import { Lightbox } from '../../components/photos/Lightbox.tsx';
import { type GridHandle, PhotoGrid, TileImage } from '../../components/photos/PhotoGrid.tsx';
import { ShootFacts } from '../../components/photos/ShootFacts.tsx';
import { NoPortal, PortalFrame, useBranding } from '../../components/portal/PortalFrame.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { DownloadIcon, LockIcon } from '../../components/ui/GalleryIcons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Toast, useToast } from '../../components/ui/Toast.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import type { SharedGallery, SharedImage } from '../../lib/gallery-types.ts';
import { useTitle } from '../../lib/hooks.ts';

/** The token stays with this tab only (a reload keeps working), never in the address bar or history. */
const TOKEN_KEY = 'portico.share-token';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function takeToken(): string | null {
  const fromHash = location.hash.slice(1);
  if (fromHash) {
    history.replaceState(history.state, '', location.pathname + location.search);
    if (TOKEN.test(fromHash)) {
      try {
        sessionStorage.setItem(TOKEN_KEY, fromHash);
      } catch {
        // Without storage, the link just has to be opened again after a reload.
      }
      return fromHash;
    }
    return null;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

type View =
  | { state: 'loading' }
  | { state: 'password'; wrong: boolean; attempt: number }
  | { state: 'gone'; title: string; message: string }
  | { state: 'ready'; gallery: SharedGallery; images: SharedImage[] };

/** A gallery opened through a share link: no account, read-only, downloads when the link allows. */
export default function SharePage() {
  const [studio, setStudio] = useBranding();
  const [missing, setMissing] = useState(false);
  const [view, setView] = useState<View>({ state: 'loading' });
  const token = useRef<string | null>(null);
  const password = useRef<string | undefined>(undefined);

  const openWith = async (pw?: string): Promise<void> => {
    const t = token.current;
    if (!t) {
      setView({ state: 'gone', title: 'This link is incomplete', message: 'Open the link again from the message you received, in full.' });
      return;
    }
    try {
      const r = await call('openSharedGallery', { body: { token: t, ...(pw ? { password: pw } : {}) } });
      password.current = pw;
      setView({ state: 'ready', gallery: r.gallery, images: r.images });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'password_required' || e.code === 'password_wrong')) {
        setView((v) => ({ state: 'password', wrong: e.code === 'password_wrong', attempt: v.state === 'password' ? v.attempt + 1 : 0 }));
      } else if (e instanceof ApiError && e.status === 410) {
        setView({ state: 'gone', title: 'This link no longer works', message: e.message });
      } else if (e instanceof ApiError && e.status === 404) {
        setView({ state: 'gone', title: 'This link doesn’t work', message: e.message });
      } else if (e instanceof ApiError && e.status === 429) {
        setView({ state: 'gone', title: 'Too many attempts', message: e.message });
      } else {
        setView({ state: 'gone', title: 'We couldn’t open this gallery', message: messageOf(e) });
      }
    }
  };

  useEffect(() => {
    token.current = takeToken();
    call('getPortal').then(
      (r) => setStudio(r.studio),
      (e: unknown) => setMissing(e instanceof ApiError && e.status === 404),
    );
    void openWith();
  }, []);
  const title = view.state === 'ready' ? view.gallery.title : undefined;
  useTitle(studio ? `${title ? `${title} · ` : ''}${studio.name}` : undefined);

  if (missing) {
    return (
      <PortalFrame studio={null} narrow none>
        <NoPortal />
      </PortalFrame>
    );
  }
  return (
    <PortalFrame studio={studio} narrow={view.state !== 'ready'}>
      {view.state === 'loading' && (
        <div class="container container--narrow">
          <div class="card signin-card working" role="status">
            <Spinner />
            <p>Opening the gallery…</p>
          </div>
        </div>
      )}
      {view.state === 'password' && <PasswordForm wrong={view.wrong} attempt={view.attempt} onSubmit={openWith} />}
      {view.state === 'gone' && (
        <div class="container container--narrow">
          <div class="card signin-card">
            <h1 class="signin-card__title">{view.title}</h1>
            <Notice role="alert" tone="info">
              {view.message}
            </Notice>
            {studio?.supportEmail && (
              <p>
                Ask <a href={`mailto:${studio.supportEmail}`}>{studio.name}</a> for a new link.
              </p>
            )}
          </div>
        </div>
      )}
      {view.state === 'ready' && (
        <SharedGalleryView
          gallery={view.gallery}
          images={view.images}
          token={token.current as string}
          password={password.current}
          studioName={studio?.name}
        />
      )}
    </PortalFrame>
  );
}

function PasswordForm({ wrong, attempt, onSubmit }: { wrong: boolean; attempt: number; onSubmit: (password: string) => Promise<void> }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Each refused attempt says so and puts the focus back in the field.
  useEffect(() => {
    if (wrong) setProblem('That password is not right. Try again.');
    document.getElementById('share-password')?.focus();
  }, [attempt]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!value) {
      setProblem('Enter the password you were given.');
      document.getElementById('share-password')?.focus();
      return;
    }
    setBusy(true);
    await onSubmit(value);
    setBusy(false);
  };
  return (
    <div class="container container--narrow">
      <div class="card signin-card">
        <span class="sent__icon">
          <LockIcon />
        </span>
        <h1 class="signin-card__title">This gallery is protected</h1>
        <p class="signin-card__lead">Enter the password you were given with the link.</p>
        <form class="stack" noValidate onSubmit={submit}>
          <Field
            id="share-password"
            label="Password"
            type="password"
            autoComplete="off"
            value={value}
            onValue={setValue}
            error={problem}
            maxLength={100}
          />
          <button type="submit" class="button button--primary button--block" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Opening…' : 'Open gallery'}
          </button>
        </form>
      </div>
    </div>
  );
}

function SharedGalleryView({
  gallery,
  images,
  token,
  password,
  studioName,
}: {
  gallery: SharedGallery;
  images: SharedImage[];
  token: string;
  password: string | undefined;
  studioName: string | undefined;
}) {
  const [viewer, setViewer] = useState<number | null>(null);
  const [toast, say, clearToast] = useToast();
  const grid = useRef<GridHandle | null>(null);

  const download = async (image: SharedImage) => {
    try {
      const { url } = await call('downloadSharedImage', { body: { token, imageId: image.imageId, ...(password ? { password } : {}) } });
      location.assign(url);
    } catch (e) {
      say(`We couldn’t start that download. ${messageOf(e)}`);
    }
  };
  const close = () => {
    const current = viewer === null ? undefined : images[viewer];
    setViewer(null);
    if (current) requestAnimationFrame(() => grid.current?.reveal(current.imageId, '.ptile__open'));
  };
  const messages = <Toast message={toast} onDismiss={clearToast} />;

  return (
    <div class="proof">
      <header class="proof-hero">
        <div class="container">
          {studioName && <p class="eyebrow proof-hero__eyebrow">Shared with you by {studioName}</p>}
          <div class="proof-hero__head">
            <h1 class="proof-hero__title">{gallery.title}</h1>
          </div>
          <dl class="proof-meta">
            <ShootFacts shootDate={gallery.shootDate} photos={images.length} />
          </dl>
          {gallery.welcomeNote && <p class="proof-hero__note">{gallery.welcomeNote}</p>}
        </div>
      </header>
      <section class="container proof-photos" aria-label="Photos">
        {images.length === 0 ? (
          <div class="empty empty--card">
            <p class="empty__title">No photos here yet</p>
          </div>
        ) : (
          <PhotoGrid
            items={images}
            label={`Photos, ${images.length}`}
            handle={grid}
            renderTile={(image, index, size) => (
              <>
                <button type="button" class="ptile__open" onClick={() => setViewer(index)} aria-label={`Open ${image.fileName}`}>
                  <TileImage src={image.thumbUrl} width={size.width} height={size.height} />
                </button>
                {gallery.canDownload && (
                  <div class="ptile__marks">
                    <button type="button" class="mark-button" aria-label={`Download ${image.fileName}`} onClick={() => download(image)}>
                      <DownloadIcon />
                    </button>
                  </div>
                )}
              </>
            )}
          />
        )}
      </section>
      {viewer === null && messages}
      {viewer !== null && (
        <Lightbox
          items={images}
          index={viewer}
          onIndex={setViewer}
          onClose={close}
          messages={messages}
          actions={
            gallery.canDownload
              ? (image) => (
                  <button type="button" class="lb-action" onClick={() => download(image)}>
                    <DownloadIcon />
                    <span class="lb-action__label">Download</span>
                  </button>
                )
              : undefined
          }
        />
      )}
    </div>
  );
}
