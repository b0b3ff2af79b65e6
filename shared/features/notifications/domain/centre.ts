// The notification centre's use cases: a person's notes and mentions, newest first, the bell's
// count, marking read, and the email and mute settings. A person is always within one studio (the
// partition names both), so another studio's notes cannot be reached by id.
import type { Page, PageRequest } from '../../../paging.ts';
import type { Client } from '../../clients/index.ts';
import { publish } from '../../live/index.ts';
import { type PersonKey, personOfClientSession, personOfStudioSession } from '../../people/index.ts';
import { projectForClient, projectForStudio } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { getNote, getState, markAllRead, putSettings, queryMentions, queryNotes } from '../data.ts';
import type { NoteRecord, NoteStateRecord } from '../records.ts';
import type { Note, NoteSettings, NoteSettingsBody, ReadAllBody } from '../schemas.ts';
import { isRead, readNote } from './notify.ts';

export type Caller = { studio: Studio; person: PersonKey } & ({ user: StudioUser } | { client: Client });

const view = (n: NoteRecord, state: NoteStateRecord): Note => ({
  noteId: n.noteId,
  kind: n.kind,
  projectId: n.projectId,
  projectTitle: n.projectTitle,
  title: n.title,
  snippet: n.snippet,
  count: n.count,
  link: n.link,
  createdAt: n.createdAt,
  read: isRead(n, state),
});

async function listed(caller: Caller, read: (s: string, p: PersonKey, page: PageRequest) => Promise<Page<NoteRecord>>, page: PageRequest) {
  const [state, found] = await Promise.all([
    getState(caller.studio.studioId, caller.person),
    read(caller.studio.studioId, caller.person, page),
  ]);
  return { notes: found.items.map((n) => view(n, state)), unread: state.unread, nextCursor: found.nextCursor };
}

export const listNotes = (caller: Caller, page: PageRequest) => listed(caller, queryNotes, page);
export const listMentions = (caller: Caller, page: PageRequest) => listed(caller, queryMentions, page);

/** The bell: one GetItem. */
export async function unreadCount(caller: Caller): Promise<{ unread: number }> {
  return { unread: (await getState(caller.studio.studioId, caller.person)).unread };
}

/**
 * Marks one of the caller's notes read. A note the caller does not have is nothing to mark: a
 * collapsed message entry is replaced by the next message (the open panel may still show the old
 * id), and another person's or studio's note is simply not in the caller's partition.
 */
export async function markRead(caller: Caller, noteId: string): Promise<{ unread: number }> {
  const [note, state] = await Promise.all([
    getNote(caller.studio.studioId, caller.person, noteId),
    getState(caller.studio.studioId, caller.person),
  ]);
  if (!note || isRead(note, state)) return { unread: state.unread };
  return { unread: await readNote(note) };
}

/** Marks everything read: one write of the watermark, none when nothing is unread. */
export async function readAll(caller: Caller, _body: ReadAllBody = {}, now = new Date()): Promise<{ unread: number }> {
  const state = await getState(caller.studio.studioId, caller.person);
  if (state.unread > 0) {
    await markAllRead(caller.studio.studioId, caller.person, now.toISOString());
    await publish(caller.studio.studioId, [caller.person], { type: 'notifications', unread: 0 });
  }
  return { unread: 0 };
}

export async function getSettings(caller: Caller): Promise<NoteSettings> {
  const { emailMode, muted } = await getState(caller.studio.studioId, caller.person);
  return { emailMode, muted };
}

/** Mutes only projects the caller is on (another's, or another studio's: 404, as everywhere). */
export async function saveSettings(caller: Caller, body: NoteSettingsBody): Promise<NoteSettings> {
  const muted = [...new Set(body.muted)];
  await Promise.all(
    muted.map((projectId) =>
      'user' in caller
        ? projectForStudio({ studio: caller.studio, user: caller.user }, projectId)
        : projectForClient({ studio: caller.studio, client: caller.client }, projectId),
    ),
  );
  const current = await getState(caller.studio.studioId, caller.person);
  const same =
    current.emailMode === body.emailMode && current.muted.length === muted.length && muted.every((id) => current.muted.includes(id));
  if (same) return { emailMode: current.emailMode, muted: current.muted };
  const saved = await putSettings(caller.studio.studioId, caller.person, body.emailMode, muted);
  return { emailMode: saved.emailMode, muted: saved.muted };
}

export const studioCaller = (s: { studio: Studio; user: StudioUser }): Caller => ({ ...s, person: personOfStudioSession(s) });
export const clientCaller = (s: { studio: Studio; client: Client }): Caller => ({ ...s, person: personOfClientSession(s) });
