// The notification settings, the same on both sides: how email arrives (every message burst, a
// daily digest, or none) and which projects are muted (a mention still gets through).
import { useEffect, useState } from 'preact/hooks';
import { EMAIL_MODES, type EmailMode } from '../../../../shared/features/notifications/constants.ts';
import { messageOf } from '../../lib/api.ts';
import { notesApi, type Side } from './api.ts';

const MODE_LABELS: Record<EmailMode, { label: string; hint: string }> = {
  every: { label: 'Every message', hint: 'One email when messages wait unseen for 5 minutes (one per burst, not one per message).' },
  digest: { label: 'Daily digest', hint: 'One email a day listing what you have not read.' },
  off: { label: 'Off', hint: 'No notification emails; the bell still counts.' },
};

export function NotificationSettingsForm({ side, projects }: { side: Side; projects: { projectId: string; title: string }[] }) {
  const api = notesApi(side);
  const [mode, setMode] = useState<EmailMode | null>(null);
  const [muted, setMuted] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    api.settings().then(
      (s) => {
        setMode(s.emailMode);
        setMuted(s.muted);
      },
      (e) => setError(messageOf(e)),
    );
  }, []);
  const save = (next: { emailMode: EmailMode; muted: string[] }) => {
    setStatus('');
    setError('');
    api.saveSettings(next).then(
      (s) => {
        setMode(s.emailMode);
        setMuted(s.muted);
        setStatus('Saved.');
      },
      (e) => setError(messageOf(e)),
    );
  };
  if (!mode) return <p role={error ? 'alert' : 'status'}>{error || 'Loading…'}</p>;
  return (
    <div class="note-settings">
      <fieldset class="panel">
        <legend>Email</legend>
        {EMAIL_MODES.map((m) => (
          <label key={m} class="note-settings__mode">
            <input type="radio" name="emailMode" value={m} checked={mode === m} onChange={() => save({ emailMode: m, muted })} />
            <span>
              <strong>{MODE_LABELS[m].label}</strong> <span class="note-settings__hint">{MODE_LABELS[m].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="panel">
        <legend>Muted projects</legend>
        <p class="note-settings__hint">A muted project tells you nothing, except when someone mentions you.</p>
        {projects.length === 0 && <p>No projects yet.</p>}
        {projects.map((p) => {
          const isMuted = muted.includes(p.projectId);
          return (
            <label key={p.projectId} class="note-settings__project">
              <input
                type="checkbox"
                role="switch"
                aria-checked={isMuted}
                checked={isMuted}
                onChange={() =>
                  save({ emailMode: mode, muted: isMuted ? muted.filter((id) => id !== p.projectId) : [...muted, p.projectId] })
                }
              />
              <span>Mute {p.title}</span>
            </label>
          );
        })}
      </fieldset>
      <p role="status">{status}</p>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
