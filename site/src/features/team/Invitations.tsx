import { useState } from 'preact/hooks';
import { ROLE_NAMES, type Role } from '../../../../shared/features/studios/constants.ts';
import { grantableRoles } from '../../../../shared/features/team/constants.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { emailProblem, firstProblem, type Problems, requiredProblem } from '../../lib/validation.ts';
import { type Invitation, ROLE_TONE } from './types.ts';

type InviteField = 'name' | 'email';
const ORDER: InviteField[] = ['name', 'email'];
const ID: Record<InviteField, string> = { name: 'team-invite-name', email: 'team-invite-email' };

/** Invite someone by email with a role this user may give (only an owner makes an owner). */
export function InviteForm({ role: actor, onInvited }: { role: Role; onInvited: (invitation: Invitation) => void }) {
  const roles = grantableRoles(actor);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [problems, setProblems] = useState<Problems<InviteField>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const show = (found: Problems<InviteField>) => {
    setProblems(found);
    const first = firstProblem(found, ORDER);
    if (first) document.getElementById(ID[first])?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setStatus('');
    setError('');
    const found = { name: requiredProblem(name, 'their name'), email: emailProblem(email) };
    if (firstProblem(found, ORDER)) return show(found);
    setProblems({});
    setBusy(true);
    try {
      const { invitation } = await call('inviteTeamMember', { body: { name: name.trim(), email: email.trim(), role } });
      onInvited(invitation);
      setStatus(`Invitation sent to ${invitation.name} (${invitation.email}).`);
      setName('');
      setEmail('');
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'already_member' || err.code === 'already_invited')) show({ email: err.message });
      else if (err instanceof ApiError && Object.keys(err.fields).length) {
        show({ name: err.field('name'), email: err.field('email') });
        setError('Please check the highlighted fields.');
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card invite" aria-labelledby="team-invite-heading">
      <h2 id="team-invite-heading">Invite someone to your team</h2>
      <form class="invite__form" noValidate onSubmit={submit}>
        <Field id={ID.name} label="Name" autoComplete="off" maxLength={80} value={name} onValue={setName} error={problems.name} />
        <Field
          id={ID.email}
          label="Email"
          type="email"
          autoComplete="off"
          spellcheck={false}
          value={email}
          onValue={setEmail}
          error={problems.email}
        />
        <div class="field">
          <label class="field__label" for="team-invite-role">
            Role
          </label>
          <select id="team-invite-role" class="select" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="invite__submit">
          <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Inviting…' : 'Send invitation'}
          </button>
        </div>
      </form>
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}

/** Invitations not yet accepted: send again (a fresh link) or revoke (the link stops working). */
export function InvitationList({
  role,
  invitations,
  onChange,
}: {
  role: Role;
  invitations: Invitation[];
  onChange: (invitations: Invitation[]) => void;
}) {
  const [busy, setBusy] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const mayManage = (i: Invitation) => grantableRoles(role).includes(i.role);

  const act = async (i: Invitation, action: 'resend' | 'revoke') => {
    if (busy) return;
    setBusy(i.inviteId);
    setStatus('');
    setError('');
    try {
      if (action === 'resend') {
        const { invitation } = await call('resendTeamInvitation', { params: { inviteId: i.inviteId } });
        onChange(invitations.map((x) => (x.inviteId === i.inviteId ? invitation : x)));
        setStatus(`Invitation sent again to ${i.email}. The earlier link no longer works.`);
      } else {
        await call('revokeTeamInvitation', { params: { inviteId: i.inviteId } });
        onChange(invitations.filter((x) => x.inviteId !== i.inviteId));
        setStatus(`The invitation to ${i.email} was revoked.`);
      }
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy('');
    }
  };

  return (
    <section class="card card--flush" aria-labelledby="pending-heading">
      <div class="card__head">
        <h2 id="pending-heading">
          Pending invitations <span class="count">({invitations.length})</span>
        </h2>
      </div>
      <div class="card__body">
        <Notice role="status">{status}</Notice>
        <Notice role="alert">{error}</Notice>
        {invitations.length === 0 && <p class="muted">No invitations waiting to be accepted.</p>}
      </div>
      {invitations.length > 0 && (
        <div class="table-wrap">
          <table class="clients" data-testid="team-invitations">
            <thead>
              <tr>
                <th scope="col">Invited</th>
                <th scope="col">Role</th>
                <th scope="col">Link works until</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => {
                const expired = new Date(i.expiresAt).getTime() < Date.now();
                return (
                  <tr key={i.inviteId} data-testid="team-invitation">
                    <th scope="row" class="clients__who">
                      <span class="clients__name">{i.name}</span>
                      <span class="clients__email">{i.email}</span>
                    </th>
                    <td data-label="Role">
                      <Badge tone={ROLE_TONE[i.role]}>{ROLE_NAMES[i.role]}</Badge>
                    </td>
                    <td data-label="Link works until">
                      {expired ? <span class="muted">Expired</span> : <time dateTime={i.expiresAt}>{formatDate(i.expiresAt)}</time>}
                    </td>
                    <td data-label="Actions">
                      {mayManage(i) && (
                        <span class="actions">
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() => act(i, 'resend')}
                            aria-disabled={busy === i.inviteId || undefined}
                          >
                            Send again<span class="visually-hidden"> to {i.email}</span>
                          </button>{' '}
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() => act(i, 'revoke')}
                            aria-disabled={busy === i.inviteId || undefined}
                          >
                            Revoke<span class="visually-hidden"> the invitation to {i.email}</span>
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
