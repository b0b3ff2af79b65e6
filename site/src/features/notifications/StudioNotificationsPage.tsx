// Settings › Notifications in the dashboard.
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { SettingsShell } from '../settings/index.ts';
import { NotificationSettingsForm } from './SettingsForm.tsx';

export default function StudioNotificationsPage() {
  useTitle('Notifications · Settings · Portico');
  const me = useLoad(() => call('getStudioMe'));
  const projects = useLoad(() => call('listProjects', { query: { limit: '100' } }));
  return (
    <SettingsShell current="notifications" me={me}>
      {() => (
        <section>
          <h2>Notifications</h2>
          <NotificationSettingsForm side="studio" projects={projects.state === 'ready' ? projects.data.projects : []} />
        </section>
      )}
    </SettingsShell>
  );
}
