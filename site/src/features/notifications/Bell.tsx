// The bell in the dashboard's and the portal's header: the unread count (announced politely), kept
// current by the live socket ({type:'notifications'} sets it; a poll asks the count), and a panel
// of the notes grouped by project, with All / Mentions tabs and "Mark all read".
import { useEffect, useRef, useState } from 'preact/hooks';
import { unreadLabel } from '../../../../shared/features/notifications/constants.ts';
import type { Note } from '../../../../shared/features/notifications/schemas.ts';
import { messageOf } from '../../lib/api.ts';
import { useLive } from '../../lib/live.ts';
import { notesApi, type Side } from './api.ts';

type Tab = 'all' | 'mentions';

/** Notes grouped by project, in the order their newest note came. */
export function byProject(notes: Note[]): { key: string; title: string; notes: Note[] }[] {
  const groups = new Map<string, { key: string; title: string; notes: Note[] }>();
  for (const n of notes) {
    const key = n.projectId ?? 'general';
    const group = groups.get(key) ?? { key, title: n.projectTitle ?? 'General', notes: [] };
    group.notes.push(n);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function NotificationBell({ side, settingsHref }: { side: Side; settingsHref: string }) {
  const api = notesApi(side);
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('all');
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState('');
  const panel = useRef<HTMLDivElement>(null);

  const refreshCount = () =>
    api.unread().then(
      (r) => setUnread(r.unread),
      () => {},
    );
  const load = (which: Tab) => {
    setNotes(null);
    setError('');
    (which === 'all' ? api.list() : api.mentions()).then(
      (r) => {
        setNotes(r.notes);
        setUnread(r.unread);
      },
      (e) => setError(messageOf(e)),
    );
  };

  useEffect(() => {
    void refreshCount();
  }, []);
  useLive(
    (event) => {
      if (event.type !== 'notifications') return;
      setUnread(event.unread);
      if (open) load(tab);
    },
    () => void refreshCount(),
  );
  useEffect(() => {
    if (!open) return;
    load(tab);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, tab]);

  const markAll = () =>
    api.readAll().then(
      (r) => {
        setUnread(r.unread);
        setNotes((all) => all?.map((n) => ({ ...n, read: true })) ?? null);
      },
      (e) => setError(messageOf(e)),
    );
  const openNote = (note: Note) => {
    if (!note.read) void api.read(note.noteId).catch(() => {});
  };

  const count = unread ?? 0;
  return (
    <div class="bell">
      <button
        type="button"
        class="bell__button"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen(!open)}
        aria-label={count ? `Notifications, ${unreadLabel(count)} unread` : 'Notifications'}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span class="bell__count" aria-live="polite" data-testid="bell-count" hidden={!count}>
          {count ? unreadLabel(count) : ''}
        </span>
      </button>
      {open && (
        <div class="bell__panel" id="notification-panel" ref={panel} role="dialog" aria-label="Notifications">
          <div class="bell__head">
            <div class="bell__tabs" role="tablist">
              {(['all', 'mentions'] as const).map((t) => (
                <button key={t} type="button" role="tab" aria-selected={tab === t} class="bell__tab" onClick={() => setTab(t)}>
                  {t === 'all' ? 'All' : 'Mentions'}
                </button>
              ))}
            </div>
            <button type="button" class="button button--ghost bell__all" onClick={markAll} disabled={!count}>
              Mark all read
            </button>
          </div>
          {error && <p role="alert">{error}</p>}
          {!notes && !error && <p class="bell__empty">Loading…</p>}
          {notes?.length === 0 && <p class="bell__empty">{tab === 'all' ? 'Nothing new.' : 'No one has mentioned you yet.'}</p>}
          {notes && notes.length > 0 && (
            <div class="bell__list">
              {byProject(notes).map((g) => (
                <section key={g.key} class="bell__group" aria-label={g.title}>
                  <h3 class="bell__project">{g.title}</h3>
                  <ul>
                    {g.notes.map((n) => (
                      <li key={n.noteId} class={`bell__note${n.read ? '' : ' bell__note--unread'}`}>
                        <a href={n.link} onClick={() => openNote(n)}>
                          <span class="bell__title">{n.title}</span>
                          {n.snippet && <span class="bell__snippet">{n.snippet}</span>}
                          <time class="bell__time" dateTime={n.createdAt}>
                            {new Date(n.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                          </time>
                        </a>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
          <a class="bell__settings" href={settingsHref}>
            Notification settings
          </a>
        </div>
      )}
    </div>
  );
}
