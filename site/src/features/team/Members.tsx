import { useState } from 'preact/hooks';
import { ROLE_NAMES, ROLES, type Role, roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { ConfirmDanger } from '../../components/ui/ConfirmDanger.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import type { StudioMe } from '../../lib/types.ts';
import { type Member, ROLE_TONE } from './types.ts';

/** The team: everyone's name, email and role; an owner may change a role or remove someone. */
export function MemberList({ me, members, onChange }: { me: StudioMe; members: Member[]; onChange: (members: Member[]) => void }) {
  const owner = roleAtLeast(me.user.role, 'owner');
  const [removing, setRemoving] = useState<Member | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const changeRole = async (member: Member, role: Role) => {
    setStatus('');
    setError('');
    try {
      const { member: changed } = await call('changeTeamRole', { params: { userId: member.userId }, body: { role } });
      onChange(members.map((m) => (m.userId === changed.userId ? changed : m)));
      setStatus(`${changed.name} is now ${role === 'admin' || role === 'owner' ? 'an' : 'a'} ${ROLE_NAMES[role].toLowerCase()}.`);
    } catch (err) {
      setError(messageOf(err));
      // The select shows what is stored again.
      onChange([...members]);
    }
  };

  return (
    <section class="card card--flush" aria-labelledby="team-heading">
      <div class="card__head">
        <h2 id="team-heading">
          Team <span class="count">({members.length})</span>
        </h2>
        <p class="muted">
          Owners handle billing, the plan and the domain; admins everything else; members work on the galleries they are assigned.
        </p>
      </div>
      <div class="card__body">
        <Notice role="status">{status}</Notice>
        <Notice role="alert">{error}</Notice>
      </div>
      <div class="table-wrap">
        <table class="clients" data-testid="team-members">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              {owner && (
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} data-testid="team-member">
                <th scope="row" class="clients__who">
                  <span class="clients__name">
                    {m.name}
                    {m.userId === me.user.userId && <span class="muted"> (you)</span>}
                  </span>
                  <span class="clients__email">{m.email}</span>
                </th>
                <td data-label="Role">
                  {owner ? (
                    <select
                      class="select"
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      onChange={(e) => changeRole(m, e.currentTarget.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_NAMES[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <Badge tone={ROLE_TONE[m.role]}>{ROLE_NAMES[m.role]}</Badge>
                  )}
                </td>
                {owner && (
                  <td data-label="Actions">
                    <button type="button" class="button button--secondary" onClick={() => setRemoving(m)}>
                      Remove<span class="visually-hidden"> {m.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removing && (
        <RemoveDialog
          member={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            onChange(members.filter((m) => m.userId !== removing.userId));
            setStatus(`${removing.name} was removed from the team.`);
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

function RemoveDialog({ member, onClose, onRemoved }: { member: Member; onClose: () => void; onRemoved: () => void }) {
  return (
    <ConfirmDanger
      id="remove-member-text"
      title={`Remove ${member.name}?`}
      keepLabel="Keep them"
      actionLabel="Remove from team"
      busyLabel="Removing…"
      onClose={onClose}
      onConfirm={async () => {
        await call('removeTeamMember', { params: { userId: member.userId } });
        onRemoved();
      }}
    >
      <strong class="break">{member.email}</strong> is signed out everywhere at once and can no longer sign in to your studio. You can
      invite them again later.
    </ConfirmDanger>
  );
}
