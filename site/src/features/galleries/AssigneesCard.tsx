import { useState } from 'preact/hooks';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import type { StudioGallery } from '../../lib/gallery-types.ts';
import { useLoad } from '../../lib/hooks.ts';

/**
 * Who works on the gallery (admins and owners choose): the team's members see and work on only
 * the galleries they are assigned. Admins and owners work on every gallery, so only members are listed.
 */
export function AssigneesCard({ gallery, onSaved }: { gallery: StudioGallery; onSaved: (g: StudioGallery) => void }) {
  const team = useLoad(() => call('listTeam'));
  const [chosen, setChosen] = useState<string[]>(gallery.assigneeIds);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const members = team.state === 'ready' ? team.data.members.filter((m) => m.role === 'member') : [];
  const changed = chosen.length !== gallery.assigneeIds.length || chosen.some((id) => !gallery.assigneeIds.includes(id));

  const toggle = (userId: string, on: boolean) => setChosen((list) => (on ? [...list, userId] : list.filter((id) => id !== userId)));
  const save = async (e: Event) => {
    e.preventDefault();
    if (busy || !changed) return;
    setBusy(true);
    setStatus('');
    setError('');
    try {
      // Ids of people no longer in the team are dropped: only current members can be assigned.
      const assigneeIds = chosen.filter((id) => members.some((m) => m.userId === id));
      const { gallery: updated } = await call('updateGallery', { params: { galleryId: gallery.galleryId }, body: { assigneeIds } });
      onSaved(updated);
      setChosen(updated.assigneeIds);
      setStatus('Saved who works on this gallery.');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="assignees-heading">
      <h2 id="assignees-heading">Who works on it</h2>
      <p class="muted">Owners and admins work on every gallery. Team members see only the galleries you assign them here.</p>
      {team.state === 'loading' && <Loading label="Loading your team…" />}
      {team.state === 'failed' && <Notice role="alert">{messageOf(team.error)}</Notice>}
      {team.state === 'ready' &&
        (members.length === 0 ? (
          <p class="muted">
            Your team has no members yet. Invite them in <a href="/settings/team">Settings → Team</a>.
          </p>
        ) : (
          <form class="stack" onSubmit={save}>
            <fieldset class="fieldset">
              <legend class="visually-hidden">Team members working on {gallery.title}</legend>
              {members.map((m) => (
                <label key={m.userId} class="check">
                  <input type="checkbox" checked={chosen.includes(m.userId)} onChange={(e) => toggle(m.userId, e.currentTarget.checked)} />{' '}
                  {m.name} <span class="muted">({m.email})</span>
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" class="button button--secondary" aria-disabled={busy || !changed || undefined}>
                {busy && <Spinner />}
                {busy ? 'Saving…' : 'Save who works on it'}
              </button>
            </div>
          </form>
        ))}
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}
