// Conversations: a thread per project (its team and its client contacts) and a general thread per
// client (the studio and that client). One `{threadId}` scheme for both on each host, so a thread
// costs six routes a side; the use case checks the caller reaches the thread (else 404).
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';
import {
  AttachmentAnswer,
  AttachmentBody,
  EditBody,
  Message,
  MessageParams,
  SeenBody,
  SendBody,
  Thread,
  ThreadParams,
  ThreadQuery,
} from './schemas.ts';

const studio = { feature: 'conversations', auth: 'studio', role: 'member', host: 'dashboard' } as const;
const client = { feature: 'conversations', auth: 'client', host: 'portal' } as const;

const list = {
  method: 'GET',
  grants: ['table:read', 'bucket:read'],
  params: ThreadParams,
  query: ThreadQuery,
  ok: { status: 200, body: Thread },
} as const;
const send = {
  method: 'POST',
  grants: ['table:read', 'table:write', 'bucket:read', 'bucket:write', 'sockets:post'],
  params: ThreadParams,
  body: SendBody,
  ok: { status: 201, body: z.object({ message: Message }) },
} as const;
const edit = {
  method: 'PATCH',
  grants: ['table:read', 'table:write', 'bucket:read', 'sockets:post'],
  params: MessageParams,
  body: EditBody,
  ok: { status: 200, body: z.object({ message: Message }) },
} as const;
const remove = {
  method: 'DELETE',
  grants: ['table:read', 'table:write', 'bucket:write', 'sockets:post'],
  params: MessageParams,
  ok: { status: 204 },
} as const;
const seen = {
  method: 'POST',
  grants: ['table:read', 'table:write', 'sockets:post'],
  params: ThreadParams,
  body: SeenBody,
  ok: { status: 200, body: z.object({ seq: z.int() }) },
} as const;
const attach = {
  method: 'POST',
  grants: ['table:read', 'table:write', 'bucket:write'],
  params: ThreadParams,
  body: AttachmentBody,
  ok: { status: 201, body: AttachmentAnswer },
} as const;

export const routes = {
  listStudioThread: route({
    ...studio,
    ...list,
    id: 'listStudioThread',
    path: '/api/studio/threads/{threadId}/messages',
    summary:
      'A conversation as the team sees it (project-<projectId> or client-<clientId>): the newest page, an older page (before=<seq>), or every event since after=<seq>; with participants and read cursors',
  }),
  sendStudioMessage: route({
    ...studio,
    ...send,
    id: 'sendStudioMessage',
    path: '/api/studio/threads/{threadId}/messages',
    summary: 'Send a message (text, mentions of participants, uploaded attachments) to a project or general thread',
  }),
  editStudioMessage: route({
    ...studio,
    ...edit,
    id: 'editStudioMessage',
    path: '/api/studio/threads/{threadId}/messages/{seq}',
    summary: 'Edit your own message, within 10 minutes of sending it (409 edit_window_passed after)',
  }),
  deleteStudioMessage: route({
    ...studio,
    ...remove,
    id: 'deleteStudioMessage',
    path: '/api/studio/threads/{threadId}/messages/{seq}',
    summary: 'Delete a message (your own; admins and owners any): it shows as deleted, its text and files gone',
  }),
  markStudioThreadSeen: route({
    ...studio,
    ...seen,
    id: 'markStudioThreadSeen',
    path: '/api/studio/threads/{threadId}/seen',
    summary: 'Move your read cursor forward to a message you had on screen (never backwards); the others see the receipt',
  }),
  createStudioMessageAttachment: route({
    ...studio,
    ...attach,
    id: 'createStudioMessageAttachment',
    path: '/api/studio/threads/{threadId}/attachments',
    summary: 'An upload ticket for a file to send with a message (the send checks it arrived as announced)',
  }),
  listClientThread: route({
    ...client,
    ...list,
    id: 'listClientThread',
    path: '/api/portal/threads/{threadId}/messages',
    summary:
      "A conversation as a contact sees it (a project's thread, or `general`: the contact's own thread with the studio): a page, or every event since after=<seq>",
  }),
  sendClientMessage: route({
    ...client,
    ...send,
    id: 'sendClientMessage',
    path: '/api/portal/threads/{threadId}/messages',
    summary: 'Send a message to a project thread or to the studio',
  }),
  editClientMessage: route({
    ...client,
    ...edit,
    id: 'editClientMessage',
    path: '/api/portal/threads/{threadId}/messages/{seq}',
    summary: 'Edit your own message, within 10 minutes of sending it',
  }),
  deleteClientMessage: route({
    ...client,
    ...remove,
    id: 'deleteClientMessage',
    path: '/api/portal/threads/{threadId}/messages/{seq}',
    summary: 'Delete your own message: it shows as deleted',
  }),
  markClientThreadSeen: route({
    ...client,
    ...seen,
    id: 'markClientThreadSeen',
    path: '/api/portal/threads/{threadId}/seen',
    summary: 'Move your read cursor forward to a message you had on screen',
  }),
  createClientMessageAttachment: route({
    ...client,
    ...attach,
    id: 'createClientMessageAttachment',
    path: '/api/portal/threads/{threadId}/attachments',
    summary: 'An upload ticket for a file to send with a message',
  }),
} as const;
