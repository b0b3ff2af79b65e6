// The dashboard's general thread with one client (/messages?client=<clientId>), outside any project.
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { ThreadView } from './ThreadView.tsx';

const clientIdOf = () => new URLSearchParams(location.search).get('client') ?? '';

export default function StudioMessagesPage() {
  const load = useLoad(() => call('getStudioMe'));
  const me = load.state === 'ready' ? load.data : undefined;
  useTitle(me ? `Messages · ${me.studio.name} · Portico` : undefined);
  return (
    <AppShell current="clients" studioName={me?.studio.name} role={me?.user.role}>
      <a class="back-link" href="/clients">
        <BackIcon />
        Clients
      </a>
      {load.state === 'loading' && <Loading label="Loading…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {me && <ThreadView side="studio" threadId={`client-${clientIdOf()}`} titled />}
    </AppShell>
  );
}
