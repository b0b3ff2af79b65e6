import { useState } from 'preact/hooks';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { SettingsShell } from '../settings/index.ts';
import { InvitationList, InviteForm } from './Invitations.tsx';
import { MemberList } from './Members.tsx';
import type { Team } from './types.ts';

/**
 * Settings → Team: everyone in the studio with their role. Admins also invite people and manage
 * the pending invitations; owners also change roles and remove people. What a role cannot do is
 * not shown (the API refuses it anyway).
 */
export default function TeamPage() {
  const me = useLoad(() => call('getStudioMe'));
  useTitle(me.state === 'ready' ? `Team · ${me.data.studio.name} · Portico` : undefined);
  return (
    <SettingsShell current="team" me={me}>
      {(data) => <TeamSection me={data} />}
    </SettingsShell>
  );
}

function TeamSection({ me }: { me: StudioMe }) {
  const team = useLoad(() => call('listTeam'));
  /** Changes made here since the load, so the lists answer at once without reloading. */
  const [edits, setEdits] = useState<Team | null>(null);
  const current = edits ?? (team.state === 'ready' ? team.data : null);
  if (team.state === 'loading') return <Loading label="Loading your team…" />;
  if (team.state === 'failed') return <LoadFailed error={team.error} retry={team.reload} />;
  if (!current) return null;
  const role = me.user.role;
  return (
    <div class="stack">
      <MemberList me={me} members={current.members} onChange={(members) => setEdits({ ...current, members })} />
      {roleAtLeast(role, 'admin') && (
        <>
          <InviteForm role={role} onInvited={(i) => setEdits({ ...current, invitations: [i, ...current.invitations] })} />
          <InvitationList role={role} invitations={current.invitations} onChange={(invitations) => setEdits({ ...current, invitations })} />
        </>
      )}
    </div>
  );
}
