// A thread's use cases: read a page or catch up, send, edit, delete, mark seen, attach a file.
// Every event takes the thread's next sequence number, is stored, and then goes out live (best
// effort): a page that missed it asks for everything after the last number it has.
import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import { limits } from '../../../config.ts';
import { objects } from '../../../data/objects.ts';
import { consume, type Limit } from '../../../data/rate-limit.ts';
import { conflict, invalid, notAllowed, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import { CLIENT_TYPES_SHOWN, mayClientUploadType } from '../../files/index.ts';
import { publish } from '../../live/index.ts';
import { markThreadSeen, notifyLater } from '../../notifications/index.ts';
import { mentionedParticipants, type PersonKey } from '../../people/index.ts';
import { cleanFileName, finishObjectUpload, objectTicket, ticketMismatch } from '../../uploads/index.ts';
import { isPreviewedImage, MESSAGE_LIMITS } from '../constants.ts';
import {
  advanceCursor,
  batchGetMessages,
  changeMessage,
  deleteObjects,
  getMessage,
  getPendingAttachment,
  lastSeqOf,
  nextSeq,
  putMessage,
  putPendingAttachment,
  putSeenEvent,
  queryCursors,
  queryEventsAfter,
  queryMessagesBefore,
} from '../data.ts';
import type { AttachmentRecord, EventKind, MessageRecord } from '../records.ts';
import type { AttachmentBody, EditBody, Message, SendBody, Thread, ThreadQuery } from '../schemas.ts';
import { caughtUpTo, editableUntil, editRefusal, mayDelete } from './rules.ts';
import type { ThreadContext } from './threads.ts';

/** Messages one person may send per minute, across the studio's threads. */
export const messagesLimit = (): Limit => ({
  bucket: 'messages',
  max: limits.messagesPerMinute,
  windowSeconds: 60,
  message: 'You are sending messages too fast. Please wait a moment.',
});

const NO_MESSAGE = 'No such message in this conversation.';
/** Attachment links live an hour (the page refreshes them with every read). */
const LINK_SECONDS = 3600;

async function attachmentView(a: AttachmentRecord) {
  const image = isPreviewedImage(a.contentType);
  const url = image
    ? await presignGet(a.key, { expiresIn: LINK_SECONDS })
    : await presignGet(a.key, { expiresIn: LINK_SECONDS, downloadName: a.fileName });
  return { attachmentId: a.attachmentId, fileName: a.fileName, contentType: a.contentType, size: a.size, image, url };
}

async function messageView(t: ThreadContext, m: MessageRecord, now: number): Promise<Message> {
  const author = t.participants.find((p) => p.person === m.author);
  const name = author?.name ?? m.authorName;
  return {
    seq: m.seq,
    author: { person: m.author, name, initials: author?.initials ?? initialsFallback(name) },
    text: m.deletedAt ? '' : m.text,
    mentions: m.deletedAt ? [] : m.mentions,
    attachments: m.deletedAt ? [] : await Promise.all(m.attachments.map(attachmentView)),
    createdAt: m.createdAt,
    editedAt: m.editedAt,
    deleted: m.deletedAt !== null,
    editableUntil: editableUntil(m, t.caller, now),
    deletable: mayDelete(m, t.caller),
    lastSeq: m.lastSeq,
  };
}

const initialsFallback = (name: string) => name.slice(0, 2).toUpperCase() || '?';

async function cursorsOf(t: ThreadContext) {
  const byPerson = new Map(t.participants.map((p) => [p.person as string, p]));
  return (await queryCursors(t.studioId, t.threadId))
    .filter((c) => byPerson.has(c.person))
    .map((c) => {
      const p = byPerson.get(c.person);
      return { person: c.person, name: p?.name ?? '', initials: p?.initials ?? '?', seq: c.seq, at: c.at };
    });
}

/** A page of the thread (the newest, or older ones with `before`), or everything since `after`. */
export async function readThread(t: ThreadContext, query: ThreadQuery): Promise<Thread> {
  const now = Date.now();
  const base = {
    threadId: t.threadId,
    kind: t.kind,
    title: t.title,
    me: t.caller.person,
    participants: t.participants.map((p) => ({ person: p.person, side: p.side, name: p.name, initials: p.initials, role: p.role })),
  };
  if (query.after !== undefined) {
    const [{ events, more }, cursors] = await Promise.all([
      queryEventsAfter(t.studioId, t.threadId, query.after, MESSAGE_LIMITS.events),
      cursorsOf(t),
    ]);
    const touched = [...new Set(events.map((e) => e.messageSeq).filter((s): s is number => s !== null))];
    const messages = await batchGetMessages(t.studioId, t.threadId, touched);
    const lastSeq = caughtUpTo(query.after, events, now);
    return {
      ...base,
      cursors,
      messages: await Promise.all(messages.map((m) => messageView(t, m, now))),
      lastSeq,
      olderBefore: null,
      // More to fetch only when the count reached the last event answered (a young hole waits for the next poll).
      more: more && lastSeq === events.at(-1)?.seq,
    };
  }
  // First how far the stored events run without a young hole, then the page: every message up to
  // that number is in it, and the catch-up from there fetches whatever was in flight.
  const [lastSeq, cursors] = await Promise.all([committedSeq(t, now), cursorsOf(t)]);
  const page = await queryMessagesBefore(t.studioId, t.threadId, query.before ?? null, MESSAGE_LIMITS.page);
  const oldestFirst = page.messages.reverse();
  return {
    ...base,
    cursors,
    messages: await Promise.all(oldestFirst.map((m) => messageView(t, m, now))),
    lastSeq,
    olderBefore: page.older && oldestFirst[0] ? oldestFirst[0].seq : null,
    more: false,
  };
}

/** The thread's last number with everything before it stored (or failed long enough ago): the recent events against the counter. */
async function committedSeq(t: ThreadContext, now: number): Promise<number> {
  const counter = await lastSeqOf(t.studioId, t.threadId);
  const from = Math.max(0, counter - RECENT_EVENTS);
  const { events } = await queryEventsAfter(t.studioId, t.threadId, from, RECENT_EVENTS);
  return caughtUpTo(from, events, now);
}

/** Events looked at for holes when a page opens: far more than can be in flight at once. */
const RECENT_EVENTS = 50;

function announce(t: ThreadContext, seq: number, kind: EventKind): Promise<unknown> {
  return publish(
    t.studioId,
    t.participants.map((p) => p.person),
    { type: 'thread', threadId: t.threadId, seq, kind },
  );
}

const links = (t: ThreadContext) =>
  t.project
    ? { studio: `/projects/${t.project.projectId}#messages`, client: `/projects/${t.project.projectId}#messages` }
    : { studio: `/messages?client=${t.clientId}`, client: '/messages' };

/** Holds each attachment to its ticket: the sender's own, uploaded, of the size and type announced. */
async function takeAttachments(t: ThreadContext, ids: readonly string[]): Promise<AttachmentRecord[]> {
  const unique = [...new Set(ids)];
  return Promise.all(
    unique.map(async (id) => {
      const pending = await getPendingAttachment(t.studioId, t.threadId, id);
      if (!pending || pending.uploader !== t.caller.person)
        throw invalid('attachment_not_found', 'An attached file is not there (upload it again).', {
          attachmentIds: ['names no upload of yours'],
        });
      const { stored } = await finishObjectUpload(pending.key, null, undefined);
      if (!stored)
        throw invalid('upload_incomplete', `${pending.fileName} has not arrived yet.`, {
          attachmentIds: ['names a file not uploaded yet'],
        });
      const mismatch = ticketMismatch(pending, stored);
      if (mismatch) {
        await deleteObjects([pending.key]);
        throw invalid('upload_refused', `${pending.fileName} was refused: ${mismatch}.`, { attachmentIds: [mismatch] });
      }
      return {
        attachmentId: pending.attachmentId,
        fileName: pending.fileName,
        contentType: pending.contentType,
        size: pending.size,
        key: pending.key,
      };
    }),
  );
}

export async function sendMessage(t: ThreadContext, input: SendBody): Promise<Message> {
  const mentioned = mentionedParticipants(input.mentions ?? [], t.participants);
  await consume(messagesLimit(), `${t.studioId}#${t.caller.person}`);
  const attachments = await takeAttachments(t, input.attachmentIds ?? []);
  const seq = await nextSeq(t.studioId, t.threadId);
  const at = new Date().toISOString();
  const message: MessageRecord = {
    studioId: t.studioId,
    threadId: t.threadId,
    seq,
    author: t.caller.person,
    authorName: t.caller.name,
    text: input.text,
    mentions: mentioned.map((p) => p.person),
    attachments,
    createdAt: at,
    editedAt: null,
    deletedAt: null,
    lastSeq: seq,
  };
  if (
    !(await putMessage(
      message,
      attachments.map((a) => a.attachmentId),
    ))
  )
    throw invalid('attachment_not_found', 'An attached file is not there any more (upload it again).', {
      attachmentIds: ['names no upload of yours'],
    });
  await announce(t, seq, 'message');
  const recipients = t.participants.map((p) => p.person).filter((p) => p !== t.caller.person);
  await notifyLater({
    studioId: t.studioId,
    kind: 'message',
    projectId: t.project?.projectId ?? null,
    projectTitle: t.project?.title ?? null,
    title: `${t.caller.name}: ${preview(input.text, attachments)}`,
    link: links(t),
    actor: t.caller.person,
    recipients,
    mentioned: message.mentions.filter((p) => p !== t.caller.person),
    thread: { threadId: t.threadId, seq },
  }).catch((error) => logger.warn('message notification failed', { error: error as Error }));
  return messageView(t, message, Date.now());
}

/** One line of the message for a notification: its first 80 characters, or what it carries. */
function preview(text: string, attachments: AttachmentRecord[]): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line) return line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return attachments.length === 1 ? `sent ${attachments[0]?.fileName}` : `sent ${attachments.length} files`;
}

async function messageOf(t: ThreadContext, seq: number): Promise<MessageRecord> {
  const m = await getMessage(t.studioId, t.threadId, seq);
  if (!m) throw notFound(NO_MESSAGE);
  return m;
}

export async function editMessage(t: ThreadContext, seq: number, input: EditBody): Promise<Message> {
  const m = await messageOf(t, seq);
  const refusal = editRefusal(m, t.caller, Date.now());
  if (refusal === 'not_author') throw notAllowed('not_allowed', 'Only the author may edit a message.');
  if (refusal === 'deleted') throw conflict('message_deleted', 'This message was deleted.');
  if (refusal === 'edit_window_passed')
    throw conflict('edit_window_passed', `A message can be edited for ${MESSAGE_LIMITS.editMinutes} minutes after it is sent.`);
  const mentions = mentionedParticipants(input.mentions ?? [], t.participants).map((p) => p.person);
  const event = await nextSeq(t.studioId, t.threadId);
  const at = new Date().toISOString();
  if (!(await changeMessage(m, { kind: 'edited', seq: event, by: t.caller.person, at, text: input.text, mentions })))
    throw conflict('message_deleted', 'This message was deleted.');
  await announce(t, event, 'edited');
  return messageView(t, { ...m, text: input.text, mentions, editedAt: at, lastSeq: event }, Date.now());
}

export async function deleteMessage(t: ThreadContext, seq: number): Promise<void> {
  const m = await messageOf(t, seq);
  if (m.deletedAt) return;
  if (!mayDelete(m, t.caller)) throw notAllowed('not_allowed', 'Only the author (or a studio admin) may delete a message.');
  const event = await nextSeq(t.studioId, t.threadId);
  if (!(await changeMessage(m, { kind: 'deleted', seq: event, by: t.caller.person, at: new Date().toISOString() }))) return;
  await deleteObjects(m.attachments.map((a) => a.key)).catch((error) =>
    logger.warn('message attachments not deleted', { error: error as Error }),
  );
  await announce(t, event, 'deleted');
}

/** The caller has had the thread on screen up to `seq`: their cursor moves forward (never back). */
export async function markSeen(t: ThreadContext, seq: number): Promise<{ seq: number }> {
  const last = await lastSeqOf(t.studioId, t.threadId);
  const upTo = Math.min(seq, last);
  const at = new Date().toISOString();
  if (upTo > 0 && (await advanceCursor(t.studioId, t.threadId, { person: t.caller.person, seq: upTo, at }))) {
    const event = await nextSeq(t.studioId, t.threadId);
    await putSeenEvent(t.studioId, t.threadId, event, t.caller.person, at);
    await announce(t, event, 'seen');
    await markThreadSeen(t.studioId, t.caller.person, t.threadId, upTo).catch((error) =>
      logger.warn('marking notes seen failed', { error: error as Error }),
    );
  }
  return { seq: upTo };
}

/** An upload ticket for a file to send with a message (a single PUT, bound to its type and size). */
export async function startAttachment(t: ThreadContext, input: AttachmentBody) {
  if (!mayClientUploadType(input.contentType))
    throw invalid('file_not_allowed', `Messages take ${CLIENT_TYPES_SHOWN}.`, { contentType: [`must be one of: ${CLIENT_TYPES_SHOWN}`] });
  await consume(messagesLimit(), `${t.studioId}#${t.caller.person}`);
  const attachmentId = randomUUID();
  const key = objects.messageAttachment(t.studioId, t.threadId, attachmentId);
  const ticket = await objectTicket(key, input.contentType, input.size);
  if (!ticket.put) throw invalid('file_too_large', 'This file is too large to send in a message.');
  await putPendingAttachment(t.studioId, t.threadId, {
    attachmentId,
    fileName: cleanFileName(input.fileName),
    contentType: input.contentType,
    size: input.size,
    key,
    uploader: t.caller.person as PersonKey,
    createdAt: new Date().toISOString(),
  });
  return { attachmentId, ticket: { put: ticket.put } };
}
