import type { ComponentChildren } from 'preact';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import type { Load } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { SECTIONS, type SettingsSection, sectionsFor } from './sections.ts';

/**
 * A settings page: the sections this user's role may open, then the section itself. A section the
 * role may not open (typed in as an address) says so instead of showing controls the API refuses.
 */
export function SettingsShell({
  current,
  me,
  children,
}: {
  current: SettingsSection;
  me: Load<StudioMe> & { reload: () => void };
  children: (me: StudioMe) => ComponentChildren;
}) {
  const data = me.state === 'ready' ? me.data : undefined;
  const section = SECTIONS.find((s) => s.id === current);
  const allowed = data ? sectionsFor(data.user.role) : [];
  return (
    <AppShell current="settings" studioName={data?.studio.name} role={data?.user.role}>
      <div class="page-head">
        <h1>Settings</h1>
      </div>
      {me.state === 'loading' && <Loading label="Loading settings…" />}
      {me.state === 'failed' && <LoadFailed error={me.error} retry={me.reload} />}
      {data && (
        <div class="settings">
          <nav class="settings__nav" aria-label="Settings">
            {allowed.map((s) => (
              <a key={s.id} href={s.href} class="settings__link" aria-current={s.id === current ? 'page' : undefined}>
                {s.label}
              </a>
            ))}
          </nav>
          <div class="settings__body">
            {allowed.some((s) => s.id === current) ? (
              children(data)
            ) : (
              <div class="panel panel--center" role="status">
                <p>
                  {section?.label} settings are for {section?.role === 'owner' ? 'the studio’s owners' : 'owners and admins'}. Ask an owner
                  of {data.studio.name} if you need a change here.
                </p>
              </div>
            )}
          </div>
        </div>
      )}
    </AppShell>
  );
}
