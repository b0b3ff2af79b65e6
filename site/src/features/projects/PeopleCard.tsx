import { useState } from 'preact/hooks';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import { allClients } from '../../lib/paging.ts';
import type { StudioProject } from '../../lib/types.ts';

/** Who sees the project (client contacts) and who works on it (lead, team): an admin's choice. */
export function PeopleCard({ project, onSaved }: { project: StudioProject; onSaved: (p: StudioProject) => void }) {
  const load = useLoad(() => Promise.all([allClients(), call('listTeam')]));
  const [contacts, setContacts] = useState(project.contacts.map((c) => c.clientId));
  const [leadId, setLeadId] = useState(project.leadId);
  const [team, setTeam] = useState(new Map(project.team.map((t) => [t.userId, t.projectRole])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!contacts.length) return setError('A project needs at least one client contact.');
    setBusy(true);
    setError('');
    setSaved('');
    try {
      const { project: updated } = await call('updateProject', {
        params: { projectId: project.projectId },
        body: {
          contactIds: contacts,
          leadId,
          team: [...team].map(([userId, projectRole]) => ({ userId, ...(projectRole.trim() ? { projectRole: projectRole.trim() } : {}) })),
        },
      });
      onSaved(updated);
      setSaved('Saved.');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (load.state !== 'ready') return <section class="card" aria-busy="true" aria-label="People" />;
  const [{ clients }, { members }] = load.data;
  return (
    <section class="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <form class="stack" noValidate onSubmit={save}>
        <fieldset class="fieldset">
          <legend class="field__label">Client contacts who see this project</legend>
          {clients.map((c) => (
            <label key={c.clientId} class="check">
              <input
                type="checkbox"
                checked={contacts.includes(c.clientId)}
                onChange={(e) => setContacts(toggle(contacts, c.clientId, e.currentTarget.checked))}
              />
              {c.name} <span class="muted small">{c.email}</span>
            </label>
          ))}
        </fieldset>
        <Select id="project-lead" label="Project lead" value={leadId} onValue={setLeadId}>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </Select>
        <fieldset class="fieldset">
          <legend class="field__label">Team (members see only the projects they are on)</legend>
          {members.map((m) => (
            <div key={m.userId} class="team-pick">
              <label class="check">
                <input
                  type="checkbox"
                  checked={team.has(m.userId) || m.userId === leadId}
                  disabled={m.userId === leadId}
                  onChange={(e) => {
                    const next = new Map(team);
                    if (e.currentTarget.checked) next.set(m.userId, '');
                    else next.delete(m.userId);
                    setTeam(next);
                  }}
                />
                {m.name}
              </label>
              {team.has(m.userId) && (
                <input
                  class="input input--small"
                  aria-label={`${m.name}'s role on the project`}
                  placeholder="Role, e.g. Designer"
                  maxLength={60}
                  value={team.get(m.userId)}
                  onInput={(e) => setTeam(new Map(team).set(m.userId, e.currentTarget.value))}
                />
              )}
            </div>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            Save people
          </button>
          <span class="muted small" role="status">
            {saved}
          </span>
        </div>
        <Notice role="alert">{error}</Notice>
      </form>
    </section>
  );
}
