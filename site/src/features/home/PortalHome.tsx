import { useEffect } from 'preact/hooks';
import { NoPortal, PortalFrame, SupportLine, useBranding } from '../../components/portal/PortalFrame.tsx';
import { ImageIcon } from '../../components/ui/Icons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call, goToSignIn, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import type { Branding, ClientGallery, ClientMe, PortalHomeData } from '../../lib/types.ts';
import { FeedbackForm } from '../feedback/index.ts';
import { type GalleryHref, GalleryList } from '../galleries/index.ts';
import { ProjectCards } from '../projects/index.ts';
import { WaitingReleases } from '../releases/index.ts';
import { Waiting } from './Waiting.tsx';

/** Answers that end the visit here: the session belongs elsewhere or access is over. */
const ACCESS_ENDED = new Set(['access_expired', 'access_revoked']);

export default function PortalHome() {
  const [studio, setStudio] = useBranding();
  const load = useLoad(() => Promise.all([call('getClientMe'), call('getPortalHome')]));
  const error = load.state === 'failed' && load.error instanceof ApiError ? load.error : null;

  useEffect(() => {
    if (load.state === 'ready') setStudio(load.data[0].studio);
    // A session opened on another studio's portal is no session here.
    if (error?.code === 'wrong_portal') void goToSignIn();
  }, [load.state]);
  useEffect(() => {
    // The branding is public: fetch it for the pages that cannot get it from /me.
    if (error && (ACCESS_ENDED.has(error.code) || error.status >= 500))
      call('getPortal').then(
        (r) => setStudio(r.studio),
        () => {},
      );
  }, [error]);
  useTitle(studio ? `${studio.name} · Client portal` : undefined);

  if (error?.status === 404) {
    return (
      <PortalFrame studio={null} narrow none>
        <NoPortal />
      </PortalFrame>
    );
  }

  return (
    <PortalFrame studio={studio} signedIn={load.state !== 'loading' && error?.code !== 'wrong_portal'}>
      {error && ACCESS_ENDED.has(error.code) ? (
        <AccessEnded message={error.message} studio={studio} />
      ) : (
        <>
          <Hero me={load.state === 'ready' ? load.data[0] : null} studio={studio} />
          {load.state === 'loading' && (
            <section class="container galleries" aria-busy="true" aria-label="Loading">
              <GallerySkeleton />
            </section>
          )}
          {load.state === 'failed' && error?.code !== 'wrong_portal' && (
            <section class="container galleries">
              <div class="panel panel--center">
                <Notice role="alert">{messageOf(load.error)}</Notice>
                <button type="button" class="button button--secondary" onClick={load.reload}>
                  Try again
                </button>
              </div>
            </section>
          )}
          {load.state === 'ready' && <HomeSections home={load.data[1]} studio={load.data[0].studio} />}
          {load.state === 'ready' && load.data[0].studio.feedback && <FeedbackForm studioName={load.data[0].studio.name} />}
        </>
      )}
    </PortalFrame>
  );
}

/** What waits on the client first, then their projects, then every gallery. */
function HomeSections({ home, studio }: { home: PortalHomeData; studio: Branding }) {
  return (
    <>
      <Waiting waiting={home.waiting} studio={studio} />
      <WaitingReleases releases={home.waiting.releases} />
      {home.projects.length > 0 && (
        <section class="container galleries" aria-labelledby="projects-heading">
          <h2 id="projects-heading" class="section-title">
            Your projects
          </h2>
          <ProjectCards projects={home.projects} />
        </section>
      )}
      {/* An agency's client with projects and no galleries is not shown an empty gallery list. */}
      {(home.galleries.length > 0 || home.projects.length === 0) && (
        <section class="container galleries" aria-labelledby="galleries-heading">
          <h2 id="galleries-heading" class="section-title">
            Your galleries
          </h2>
          <Galleries galleries={home.galleries} studio={studio} />
        </section>
      )}
      {home.partial && <p class="container muted small">Showing the first of your items: ask {studio.name} if something is missing.</p>}
    </>
  );
}

/** The portal home's greeting (the Portal Manager's preview shows it too). */
export function Hero({ me, studio }: { me: ClientMe | null; studio: Branding | null }) {
  return (
    <section class="hero" aria-labelledby="hero-heading">
      <div class="container hero__inner">
        <h1 id="hero-heading" class="hero__title">
          {me ? `Hi ${me.client.name}` : 'Welcome'}
        </h1>
        {studio ? <p class="hero__welcome">{studio.welcomeMessage}</p> : <span class="skeleton skeleton--text" aria-hidden="true" />}
        {me?.client.accessExpiresAt && (
          <p class="hero__access">
            Your access to this portal runs until <time dateTime={me.client.accessExpiresAt}>{formatDate(me.client.accessExpiresAt)}</time>.
          </p>
        )}
      </div>
    </section>
  );
}

export function Galleries({ galleries, studio, hrefOf }: { galleries: ClientGallery[]; studio: Branding; hrefOf?: GalleryHref }) {
  if (!galleries.length) {
    return (
      <div class="empty empty--card">
        <span class="empty__icon">
          <ImageIcon />
        </span>
        <p class="empty__title">No galleries yet</p>
        <p class="muted">When {studio.name} shares a gallery with you, you’ll find it here.</p>
      </div>
    );
  }
  // Cards or a table, as the client chooses (GalleryList remembers it).
  return <GalleryList galleries={galleries} studio={studio} hrefOf={hrefOf} />;
}

function GallerySkeleton() {
  return (
    <div class="gallery-grid" role="status">
      <span class="visually-hidden">Loading your galleries…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} class="gallery-card gallery-card--skeleton" aria-hidden="true">
          <div class="gallery-card__cover skeleton-block" />
          <div class="gallery-card__body">
            <span class="skeleton" />
            <span class="skeleton skeleton--short" />
          </div>
        </div>
      ))}
    </div>
  );
}

function AccessEnded({ message, studio }: { message: string; studio: Branding | null }) {
  return (
    <div class="container container--narrow access-ended">
      <div class="card signin-card">
        <h1 class="signin-card__title">Your access has ended</h1>
        <Notice role="alert" tone="info">
          {message}
        </Notice>
        <SupportLine studio={studio} />
      </div>
    </div>
  );
}
