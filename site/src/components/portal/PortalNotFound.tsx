import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../../lib/api.ts';
import { useTitle } from '../../lib/hooks.ts';
import { NoPortal, PortalFrame, useBranding } from './PortalFrame.tsx';

/** A portal's 404 page (served by the CDN for any path that is not a page), in the studio's colours. */
export default function PortalNotFound() {
  const [studio, setStudio] = useBranding();
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    call('getPortal').then(
      (r) => setStudio(r.studio),
      (e: unknown) => setMissing(e instanceof ApiError && e.status === 404),
    );
  }, [setStudio]);
  useTitle(studio ? `Page not found · ${studio.name}` : undefined);

  if (missing) {
    return (
      <PortalFrame studio={null} narrow none>
        <NoPortal />
      </PortalFrame>
    );
  }
  return (
    <PortalFrame studio={studio} narrow>
      <div class="container container--narrow">
        <div class="card signin-card">
          <h1 class="signin-card__title">Page not found</h1>
          <p class="signin-card__lead">There’s nothing at this address. It may have moved, or the link may be mistyped.</p>
          <a class="button button--primary button--block" href="/">
            Go to your portal
          </a>
        </div>
      </div>
    </PortalFrame>
  );
}
