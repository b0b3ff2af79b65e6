// "View as client": the client's portal as they see it (the same components, fed by the studio's
// read-only preview routes), under a banner that says whose it is. Every action answers that the
// preview is read-only instead of calling anything; the API would refuse it anyway, as the preview
// holds no client session.

import { useEffect } from 'preact/hooks';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { ApiError, call } from '../../lib/api.ts';
import { applyAccent } from '../../lib/colour.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { callAll } from '../../lib/paging.ts';
import { Galleries, Hero } from '../home/index.ts';
import { Proofing } from '../proofing/index.ts';
import { previewHref } from './ClientAccessTable.tsx';
import './portal-manager.css';

const readOnlyMessage = (name: string) => `Preview: nothing is changed. This is ${name}’s portal, read-only.`;

export default function PreviewPage() {
  const search = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const clientId = search.get('client') ?? '';
  const galleryId = search.get('gallery');
  const load = useLoad(async () => {
    if (!clientId) throw new ApiError(404, { error: 'not_found', message: 'No client to preview.' });
    const params = { clientId };
    return Promise.all([
      call('previewClientMe', { params }),
      galleryId
        ? call('previewClientGallery', { params: { clientId, galleryId } }).then((gallery) => ({ gallery }))
        : callAll('previewClientGalleries', 'galleries', { params }).then((galleries) => ({
            galleries: galleries.sort((a, b) => (b.shootDate ?? '').localeCompare(a.shootDate ?? '')),
          })),
    ] as const);
  });
  const me = load.state === 'ready' ? load.data[0] : null;
  useTitle(me ? `Preview as ${me.client.name} · Portico` : undefined);
  // The portal's accent only: its remembered branding belongs to the portal's own origin.
  useEffect(() => {
    if (me) applyAccent(me.studio.accentColor);
  }, [me]);

  return (
    <div class="pm-preview">
      <div class="pm-preview__banner" role="status" data-testid="preview-banner">
        <div class="container pm-preview__inner">
          <p>
            <strong>Preview as {me?.client.name ?? 'client'} — read-only.</strong> Nothing you do here changes anything for them.
          </p>
          <span class="pm-preview__links">
            {galleryId && (
              <a class="button button--secondary button--small" href={previewHref(clientId)}>
                All their galleries
              </a>
            )}
            <a class="button button--secondary button--small" href="/portal-manager">
              Back to Portal Manager
            </a>
          </span>
        </div>
      </div>
      {load.state === 'failed' && (
        <div class="container">
          <LoadFailed error={load.error} retry={load.reload} />
        </div>
      )}
      {me && load.state === 'ready' && (
        <PortalFrame studio={me.studio}>
          {'gallery' in load.data[1] ? (
            <Proofing
              studio={me.studio}
              initial={load.data[1].gallery}
              mode={{
                reload: () => call('previewClientGallery', { params: { clientId, galleryId: galleryId ?? '' } }),
                readOnly: readOnlyMessage(me.client.name),
                homeHref: previewHref(clientId),
              }}
            />
          ) : (
            <>
              <Hero me={me} studio={me.studio} />
              <section class="container galleries" aria-labelledby="galleries-heading">
                <h2 id="galleries-heading" class="section-title">
                  Your galleries
                </h2>
                <Galleries galleries={load.data[1].galleries} studio={me.studio} hrefOf={(id) => previewHref(clientId, id)} />
              </section>
            </>
          )}
        </PortalFrame>
      )}
    </div>
  );
}
