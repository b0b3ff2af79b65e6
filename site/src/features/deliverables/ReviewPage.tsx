// The review page's frames: the dashboard's (AppShell, back to the project's Deliverables tab) and
// the portal's (the studio's branding, back to the project page). A missing deliverable reads as
// on the other pages.
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useHydrated, useLoad, useTitle } from '../../lib/hooks.ts';
import { deliverableIdsFromPath, getReview } from './api.ts';
import { Review } from './Review.tsx';

/** The ids in the address, once in the browser (the build-time render has no address). */
const useIds = () => (useHydrated() ? deliverableIdsFromPath(location.pathname) : null);

const notFound = () => Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such deliverable.' }));

function BackToProject({ projectId, label }: { projectId: string | undefined; label: string }) {
  return (
    <a class="back-link" href={projectId ? `/projects/${projectId}#deliverables` : '/projects'}>
      <BackIcon />
      {label}
    </a>
  );
}

export function StudioReviewPage() {
  const ids = useIds();
  const load = useLoad(() => {
    const found = deliverableIdsFromPath(location.pathname);
    return found ? Promise.all([call('getStudioMe'), getReview('studio', found)]) : notFound();
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  const review = load.state === 'ready' ? load.data[1] : undefined;
  const d = review?.deliverable;
  useTitle(me && d ? `${d.title} · ${me.studio.name} · Portico` : undefined);
  const missing = load.state === 'failed' && load.error instanceof ApiError && load.error.status === 404;
  return (
    <AppShell current="projects" studioName={me?.studio.name} role={me?.user.role}>
      <BackToProject projectId={ids?.projectId} label="Back to the project" />
      {load.state === 'loading' && <Loading label="Loading the deliverable…" />}
      {missing && (
        <div class="panel panel--center">
          <h1>Deliverable not found</h1>
          <p class="muted">It may have been deleted, or you are not on its project’s team.</p>
          <a class="button button--primary" href="/projects">
            See your projects
          </a>
        </div>
      )}
      {load.state === 'failed' && !missing && <LoadFailed error={load.error} retry={load.reload} />}
      {ids && review && <Review host="studio" ids={ids} initial={review.deliverable} people={review.people} />}
    </AppShell>
  );
}

export function PortalReviewPage() {
  const ids = useIds();
  const page = usePortalLoad(() => {
    const found = deliverableIdsFromPath(location.pathname);
    return found ? getReview('portal', found) : notFound();
  });
  useTitle(page.data && page.studio ? `${page.data.deliverable.title} · ${page.studio.name}` : undefined);
  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <div class="container deliverable-page-wrap">
        <BackToProject projectId={ids?.projectId} label="Back to the project" />
        {page.state.state === 'loading' && <Loading label="Loading the deliverable…" />}
        {page.state.state === 'failed' && page.error?.code !== 'wrong_portal' && (
          <div class="panel panel--center">
            <h1>{page.error?.status === 404 ? 'Deliverable not found' : 'Something went wrong'}</h1>
            <Notice role="alert">
              {page.error?.status === 404
                ? 'It may not have been sent to you yet, or this link is not yours.'
                : messageOf(page.state.error)}
            </Notice>
          </div>
        )}
        {ids && page.data && (
          <Review host="portal" ids={ids} initial={page.data.deliverable} people={page.data.people} reviewerName={page.me?.client.name} />
        )}
      </div>
    </PortalFrame>
  );
}
