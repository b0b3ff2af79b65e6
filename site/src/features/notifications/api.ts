// The centre's routes for each side: the dashboard's (a team member) or the portal's (a contact).
import type { NoteSettingsBody } from '../../../../shared/features/notifications/schemas.ts';
import { call } from '../../lib/api.ts';

export type Side = 'studio' | 'client';

export const notesApi = (side: Side) => ({
  unread: () => (side === 'studio' ? call('getStudioUnread') : call('getClientUnread')),
  list: (cursor?: string) =>
    side === 'studio'
      ? call('listStudioNotes', { query: cursor ? { cursor } : {} })
      : call('listClientNotes', { query: cursor ? { cursor } : {} }),
  mentions: (cursor?: string) =>
    side === 'studio'
      ? call('listStudioMentions', { query: cursor ? { cursor } : {} })
      : call('listClientMentions', { query: cursor ? { cursor } : {} }),
  read: (noteId: string) =>
    side === 'studio' ? call('readStudioNote', { params: { noteId } }) : call('readClientNote', { params: { noteId } }),
  readAll: () => (side === 'studio' ? call('readStudioNotesAll', { body: {} }) : call('readClientNotesAll', { body: {} })),
  settings: () => (side === 'studio' ? call('getStudioNoteSettings') : call('getClientNoteSettings')),
  saveSettings: (body: NoteSettingsBody) =>
    side === 'studio' ? call('putStudioNoteSettings', { body }) : call('putClientNoteSettings', { body }),
});
