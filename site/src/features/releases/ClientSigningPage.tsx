// The portal's signing page, /releases/<id>: the signed-in client's part in one release.
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useTitle } from '../../lib/hooks.ts';
import { releaseIdFromPath } from './labels.ts';
import { SigningFlow } from './SigningFlow.tsx';
import type { SigningCalls } from './useSigning.ts';

const notFound = () => Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such document.' }));

function clientCalls(releaseId: string): SigningCalls {
  const params = { releaseId };
  return {
    refresh: () => call('getClientRelease', { params }).then((r) => r.release),
    step: (step) => call('recordClientReleaseStep', { params, body: step }).then((r) => r.release),
    sign: (body) => call('signClientRelease', { params, body }).then((r) => r.release),
    decline: (reason) => call('declineClientRelease', { params, body: { reason } }).then((r) => r.release),
    sealedUrl: () => call('downloadClientSealedRelease', { params }),
  };
}

export default function ClientSigningPage() {
  const page = usePortalLoad(() => {
    const id = releaseIdFromPath(location.pathname);
    return id ? call('getClientRelease', { params: { releaseId: id } }).then((r) => r.release) : notFound();
  });
  useTitle(page.data && page.studio ? `${page.data.title} · ${page.studio.name}` : undefined);
  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <div class="container container--narrow">
        <a class="back-link" href="/releases">
          <BackIcon />
          Your documents
        </a>
        {page.state.state === 'loading' && <Loading label="Loading the document…" />}
        {page.state.state === 'failed' && page.error?.code !== 'wrong_portal' && (
          <div class="panel panel--center">
            <h1>{page.error?.status === 404 ? 'Document not found' : 'Something went wrong'}</h1>
            <Notice role="alert">
              {page.error?.status === 404 ? 'It may have been deleted, or it was not sent to you.' : messageOf(page.state.error)}
            </Notice>
          </div>
        )}
        {page.data && <SigningFlow initial={page.data} calls={clientCalls(page.data.releaseId)} />}
      </div>
    </PortalFrame>
  );
}
