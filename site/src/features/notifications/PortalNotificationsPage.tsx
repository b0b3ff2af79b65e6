// The portal's notification settings page.
import { useEffect } from 'preact/hooks';
import { PortalFrame, useBranding } from '../../components/portal/PortalFrame.tsx';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { NotificationSettingsForm } from './SettingsForm.tsx';

export default function PortalNotificationsPage() {
  const [studio, setStudio] = useBranding();
  const home = useLoad(() => Promise.all([call('getClientMe'), call('getPortalHome')]));
  useEffect(() => {
    if (home.state === 'ready') setStudio(home.data[0].studio);
  }, [home.state]);
  useTitle(studio ? `Notifications · ${studio.name}` : undefined);
  return (
    <PortalFrame studio={studio} signedIn>
      <section class="container">
        <h1>Notifications</h1>
        <NotificationSettingsForm side="client" projects={home.state === 'ready' ? home.data[1].projects : []} />
      </section>
    </PortalFrame>
  );
}
