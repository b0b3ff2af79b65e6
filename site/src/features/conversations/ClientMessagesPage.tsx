// The portal's /messages: the signed-in client's own thread with the studio, outside any project.
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { ThreadView } from './ThreadView.tsx';

export default function ClientMessagesPage() {
  const page = usePortalLoad(() => Promise.resolve(null));
  useTitle(page.studio ? `Messages · ${page.studio.name}` : undefined);
  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <div class="container messages-page">
        <a class="back-link" href="/">
          <BackIcon />
          Home
        </a>
        {page.state.state === 'loading' && <Loading label="Loading your messages…" />}
        {page.state.state === 'ready' && <ThreadView side="client" threadId="general" titled />}
      </div>
    </PortalFrame>
  );
}
