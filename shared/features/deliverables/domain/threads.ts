// A deliverable's comment threads: comments (pinned or not) and replies one level deep, @mentions
// of people on the project, resolved by the studio and reopened by the studio or by the client who
// started the thread. Each change is announced to the project's open pages; a mention is notified.
import { randomUUID } from 'node:crypto';
import { limits } from '../../../config.ts';
import { consume, type Limit } from '../../../data/rate-limit.ts';
import { invalid, notAllowed, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import type { Client } from '../../clients/index.ts';
import { notify } from '../../notifications/index.ts';
import {
  mentionedParticipants,
  type Participant,
  type PersonKey,
  personOfClientSession,
  personOfStudioSession,
  projectParticipants,
} from '../../people/index.ts';
import { type Project, projectForStudio } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { DELIVERABLE_LIMITS } from '../constants.ts';
import { commentPut, commentResolved, versionUnlockedCheck, writeItems } from '../data.ts';
import type { CommentRecord, DeliverableRecord, VersionRecord } from '../records.ts';
import type { CommentBody } from '../schemas.ts';
import { announce } from './announce.ts';
import { loadItems, refuse, versionOf } from './deliverables.ts';
import { clientItems, clientVersion } from './review.ts';
import { commentRefusal } from './rules.ts';
import { authorPerson, commentView } from './views.ts';

type StudioSession = { studio: Studio; user: StudioUser };
type ClientSession = { studio: Studio; client: Client };

/** Comments one person may post per minute on deliverables (the proofing comments' budget). */
const commentLimit = (): Limit => ({ bucket: 'deliverable-comment', max: limits.commentsPerMinute, windowSeconds: 60 });

type Author = CommentRecord['author'];
type Items = Awaited<ReturnType<typeof loadItems>>;

const reviewLink = (projectId: string, deliverableId: string) => {
  const path = `/projects/${projectId}/deliverables/${deliverableId}`;
  return { studio: path, client: path };
};

/** The mentioned people are told, even if they muted the project. */
async function notifyMentions(project: Project, d: DeliverableRecord, actor: PersonKey, actorName: string, mentioned: Participant[]) {
  const people = mentioned.map((p) => p.person).filter((p) => p !== actor);
  if (!people.length) return;
  await notify({
    studioId: project.studioId,
    kind: 'mention',
    projectId: project.projectId,
    projectTitle: project.title,
    title: `${actorName} mentioned you on ${d.title}`,
    link: reviewLink(project.projectId, d.deliverableId),
    actor,
    recipients: people,
    mentioned: people,
  }).catch((error) => logger.error('Mention notes could not be written', { error }));
}

async function addComment(
  project: Project,
  author: Author,
  items: Items,
  v: VersionRecord,
  body: CommentBody,
): Promise<{ comment: CommentRecord; people: Participant[] }> {
  const refusal = commentRefusal(v);
  if (refusal) throw refuse(refusal);
  const onVersion = items.comments.filter((c) => c.version === v.version);
  if (onVersion.length >= DELIVERABLE_LIMITS.commentsPerVersion)
    throw invalid('too_many_comments', `A version takes at most ${DELIVERABLE_LIMITS.commentsPerVersion} comments.`);
  if (body.parentId && !onVersion.some((c) => c.commentId === body.parentId && c.parentId === null))
    throw notFound('No such comment to reply to.', { parentId: ['names no thread of this version'] });
  const pin = body.pin ?? null;
  const pages = v.preview?.pageCount ?? null;
  if (pin?.kind === 'point' && pin.page !== undefined && pages !== null && pin.page > pages)
    throw invalid('invalid_request', `This version has ${pages} pages.`, { pin: ['names a page the file does not have'] });
  const people = await projectParticipants(project);
  // Refused (400) before anything is written when someone mentioned is not on the project.
  const mentioned = mentionedParticipants(body.mentions ?? [], people);
  // The budget is spent on what passed every check: a refused comment writes nothing at all.
  await consume(commentLimit(), author.id);
  const comment: CommentRecord = {
    commentId: randomUUID(),
    deliverableId: v.deliverableId,
    projectId: v.projectId,
    version: v.version,
    parentId: body.parentId ?? null,
    pin,
    text: body.text,
    author,
    mentions: mentioned.map((p) => ({ person: p.person, name: p.name })),
    createdAt: new Date().toISOString(),
    resolvedAt: null,
    resolvedBy: null,
  };
  // The version must still be unlocked when the comment lands (an approval may be landing too).
  const refused = await writeItems([commentPut(comment), versionUnlockedCheck(v)]);
  if (refused) throw refuse('locked');
  const actor = authorPerson(comment);
  await Promise.all([
    announce(project.studioId, people, v.deliverableId),
    notifyMentions(project, items.deliverable as DeliverableRecord, actor, author.name, mentioned),
  ]);
  return { comment, people };
}

export async function addClientComment(
  session: ClientSession,
  projectId: string,
  deliverableId: string,
  version: number,
  body: CommentBody,
) {
  const { project, items } = await clientItems(session, projectId, deliverableId);
  const v = clientVersion(items, version);
  const { comment } = await addComment(project, { kind: 'client', id: session.client.clientId, name: session.client.name }, items, v, body);
  return commentView(comment, personOfClientSession(session));
}

export async function addStudioComment(
  session: StudioSession,
  projectId: string,
  deliverableId: string,
  version: number,
  body: CommentBody,
) {
  const project = await projectForStudio(session, projectId);
  const items = await loadItems(session.studio.studioId, projectId, deliverableId);
  const v = versionOf(items, version);
  const { comment } = await addComment(project, { kind: 'studio', id: session.user.userId, name: session.user.name }, items, v, body);
  return commentView(comment, personOfStudioSession(session));
}

/** Resolves or reopens a thread (a root comment: replies follow their thread). */
async function setResolved(project: Project, items: Items, version: number, commentId: string, resolvedAt: string | null, by: string) {
  const v = versionOf(items, version);
  const c = items.comments.find((x) => x.commentId === commentId && x.version === version && x.parentId === null);
  if (!c) throw notFound('No such comment thread on this version.');
  if (commentRefusal(v)) throw refuse('locked');
  const at = resolvedAt === null ? null : (c.resolvedAt ?? resolvedAt);
  const resolvedBy = at === null ? null : c.resolvedAt ? (c.resolvedBy ?? by) : by;
  if (await writeItems([commentResolved(c, at, resolvedBy), versionUnlockedCheck(v)])) throw refuse('locked');
  await announce(project.studioId, await projectParticipants(project), c.deliverableId);
  return { ...c, resolvedAt: at, resolvedBy };
}

export async function resolveComment(
  session: StudioSession,
  projectId: string,
  deliverableId: string,
  version: number,
  commentId: string,
  resolved: boolean,
) {
  const project = await projectForStudio(session, projectId);
  const items = await loadItems(session.studio.studioId, projectId, deliverableId);
  const c = await setResolved(project, items, version, commentId, resolved ? new Date().toISOString() : null, session.user.name);
  return commentView(c, personOfStudioSession(session));
}

/**
 * A client reopens a thread it started (its question was not answered after all). Resolving stays
 * the studio's: it says the point was dealt with, which is the studio's call to make.
 */
export async function reopenClientComment(
  session: ClientSession,
  projectId: string,
  deliverableId: string,
  version: number,
  commentId: string,
  resolved: boolean,
) {
  if (resolved) throw notAllowed('studio_resolves', 'Only the studio marks a thread resolved.');
  const { project, items } = await clientItems(session, projectId, deliverableId);
  clientVersion(items, version);
  const me = personOfClientSession(session);
  const c = items.comments.find((x) => x.commentId === commentId && x.version === version && x.parentId === null);
  if (!c) throw notFound('No such comment thread on this version.');
  if (authorPerson(c) !== me) throw notAllowed('not_your_thread', 'You can reopen only a thread you started.');
  return commentView(await setResolved(project, items, version, commentId, null, session.client.name), me);
}
