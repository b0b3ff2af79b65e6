// Comment threads on a gallery's images: a root comment and its replies (one level), @mentions of
// the people who may see the gallery, resolved and reopened. The client writes from the proofing
// page, the team from the dashboard (a member only on galleries assigned to it: the tenancy step).
// Every change tells the gallery's people with a page open to refetch, and a mention tells its person.
import { randomUUID } from 'node:crypto';
import { consume } from '../../../data/rate-limit.ts';
import { notAllowed, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import type { Page, PageRequest } from '../../../paging.ts';
import { type Client, getClient } from '../../clients/index.ts';
import { type Gallery, galleryOfStudio, getImage, mayWorkOn } from '../../galleries/index.ts';
import { publish, topics } from '../../live/index.ts';
import { notify } from '../../notifications/index.ts';
import {
  clientPerson,
  initialsOf,
  mentionedParticipants,
  type Participant,
  type PersonKey,
  type PersonView,
  userPerson,
} from '../../people/index.ts';
import { listStudioUsers, type Studio, type StudioUser } from '../../studios/index.ts';
import { getRootComment, getSelection, putComment, queryGalleryComments, setCommentResolved } from '../data.ts';
import type { CommentRecord } from '../records.ts';
import type { Comment, CommentBody } from '../schemas.ts';
import { commentLimit, galleryForClient } from './proofing.ts';
import { permissions, refuse } from './rules.ts';

type StudioSession = { studio: Studio; user: StudioUser };

/** Who wrote a comment, as a person. */
const authorOf = (c: Pick<CommentRecord, 'author' | 'authorId'>): PersonKey =>
  c.author === 'studio' ? userPerson(c.authorId) : clientPerson(c.authorId);

/** A comment as `me` sees it: no author id, whether it is theirs. */
export const commentView = (c: CommentRecord, me: PersonKey): Comment => ({
  commentId: c.commentId,
  imageId: c.imageId,
  parentId: c.parentId ?? null,
  author: c.author,
  authorName: c.authorName,
  mine: authorOf(c) === me,
  text: c.text,
  mentions: c.mentions ?? [],
  createdAt: c.createdAt,
  resolvedAt: c.resolvedAt ?? null,
  resolvedBy: c.resolvedAt ? (c.resolvedBy ?? null) : null,
});

/**
 * The people who may see a gallery's comments, and so may be mentioned and are told of changes: its
 * client, and the team members who may work on it (owners and admins, and the members assigned).
 */
export async function galleryPeople(gallery: Gallery): Promise<Participant[]> {
  const [users, client] = await Promise.all([listStudioUsers(gallery.studioId), getClient(gallery.studioId, gallery.clientId)]);
  const team: Participant[] = users
    .filter((u) => mayWorkOn(gallery, u))
    .map((u) => ({
      person: userPerson(u.userId),
      side: 'studio',
      name: u.name,
      email: u.email,
      initials: initialsOf(u.name),
      role: u.role === 'member' ? 'Team' : u.role === 'owner' ? 'Owner' : 'Admin',
    }));
  const contact: Participant[] =
    client && !client.revokedAt
      ? [
          {
            person: clientPerson(client.clientId),
            side: 'client',
            name: client.name,
            email: client.email,
            initials: initialsOf(client.name),
            role: 'Client',
          },
        ]
      : [];
  return [...team, ...contact];
}

export const peopleView = (people: readonly Participant[]): PersonView[] =>
  people.map((p) => ({ person: p.person, name: p.name, role: p.role, initials: p.initials }));

/** Tells the gallery's people with a page open that its comments changed. Never fails the write. */
async function announce(gallery: Gallery, people: readonly Participant[]): Promise<void> {
  await publish(
    gallery.studioId,
    people.map((p) => p.person),
    { type: 'changed', topic: topics.galleryComments(gallery.galleryId) },
  );
}

async function notifyMentions(gallery: Gallery, actor: PersonKey, actorName: string, mentioned: readonly Participant[]) {
  const people = mentioned.map((p) => p.person).filter((p) => p !== actor);
  if (!people.length) return;
  const path = `/galleries/${gallery.galleryId}`;
  await notify({
    studioId: gallery.studioId,
    kind: 'mention',
    projectId: gallery.projectId,
    projectTitle: null,
    title: `${actorName} mentioned you on a photo in ${gallery.title}`,
    link: { studio: path, client: path },
    actor,
    recipients: people,
    mentioned: people,
  }).catch((error) => logger.error('Mention notes could not be written', { error }));
}

type Author = Pick<CommentRecord, 'author' | 'authorId' | 'authorName'>;

/** Writes a comment or a reply once its parent, mentions and image check out; then tells everyone. */
async function writeComment(gallery: Gallery, imageId: string, author: Author, body: CommentBody): Promise<CommentRecord> {
  if (body.parentId) {
    const parent = await getRootComment(gallery.galleryId, body.parentId);
    if (!parent || parent.imageId !== imageId)
      throw notFound('No such comment to reply to.', { parentId: ['names no thread on this photo'] });
  }
  const people = await galleryPeople(gallery);
  // Refused (400) before anything is written when someone mentioned may not see the gallery.
  const mentioned = mentionedParticipants(body.mentions ?? [], people);
  // The budget is spent on what passed every check: a refused comment writes nothing at all.
  await consume(commentLimit(), author.authorId);
  const comment: CommentRecord = {
    commentId: randomUUID(),
    imageId,
    ...author,
    text: body.text,
    createdAt: new Date().toISOString(),
    parentId: body.parentId ?? null,
    mentions: mentioned.map((p) => ({ person: p.person, name: p.name })),
    resolvedAt: null,
    resolvedBy: null,
  };
  // Refused only when the image was removed since it was read.
  if (!(await putComment(gallery.galleryId, comment))) throw notFound('No such image.');
  const actor = authorOf(comment);
  await Promise.all([announce(gallery, people), notifyMentions(gallery, actor, author.authorName, mentioned)]);
  return comment;
}

/** The client's comment or reply on an image, when the studio allows comments. */
export async function addClientImageComment(studio: Studio, client: Client, galleryId: string, imageId: string, body: CommentBody) {
  const gallery = await galleryForClient(studio, client, galleryId);
  const [image, selection] = await Promise.all([getImage(galleryId, imageId), getSelection(galleryId, client.clientId)]);
  if (image?.status !== 'ready') throw notFound('No such image.');
  if (!permissions(gallery, selection).comment) refuse('Comments');
  return writeComment(gallery, imageId, { author: 'client', authorId: client.clientId, authorName: client.name }, body);
}

/** A team member's comment or reply on an image (the team may always answer, whatever the rules). */
export async function addStudioImageComment(session: StudioSession, galleryId: string, imageId: string, body: CommentBody) {
  const gallery = await galleryOfStudio(session.studio, galleryId);
  const image = await getImage(galleryId, imageId);
  if (image?.status !== 'ready') throw notFound('No such image.');
  return writeComment(gallery, imageId, { author: 'studio', authorId: session.user.userId, authorName: session.user.name }, body);
}

async function rootOn(galleryId: string, imageId: string, commentId: string): Promise<CommentRecord> {
  const root = await getRootComment(galleryId, commentId);
  if (!root || root.imageId !== imageId) throw notFound('No such comment thread on this photo.');
  return root;
}

async function setResolved(gallery: Gallery, root: CommentRecord, resolved: boolean, by: string): Promise<CommentRecord> {
  const resolvedAt = resolved ? (root.resolvedAt ?? new Date().toISOString()) : null;
  const resolvedBy = resolved ? (root.resolvedAt ? (root.resolvedBy ?? by) : by) : null;
  if (!(await setCommentResolved(gallery.galleryId, root, resolvedAt, resolvedBy))) throw notFound('No such comment thread on this photo.');
  await announce(gallery, await galleryPeople(gallery));
  return { ...root, resolvedAt, resolvedBy };
}

/** The team resolves a thread, or opens it again. */
export async function resolveStudioImageComment(
  session: StudioSession,
  galleryId: string,
  imageId: string,
  commentId: string,
  resolved: boolean,
) {
  const gallery = await galleryOfStudio(session.studio, galleryId);
  return setResolved(gallery, await rootOn(galleryId, imageId, commentId), resolved, session.user.name);
}

/** The client opens again a thread it started; resolving stays the studio's (as on deliverables). */
export async function reopenClientImageComment(
  studio: Studio,
  client: Client,
  galleryId: string,
  imageId: string,
  commentId: string,
  resolved: boolean,
) {
  if (resolved) throw notAllowed('studio_resolves', 'Only the studio marks a thread resolved.');
  const gallery = await galleryForClient(studio, client, galleryId);
  const root = await rootOn(galleryId, imageId, commentId);
  if (authorOf(root) !== clientPerson(client.clientId)) throw notAllowed('not_your_thread', 'You can reopen only a thread you started.');
  return setResolved(gallery, root, false, client.name);
}

/** A page of a gallery's comments for the team, by image then time. */
export async function listStudioGalleryComments(
  session: StudioSession,
  galleryId: string,
  page: PageRequest,
): Promise<Page<CommentRecord>> {
  await galleryOfStudio(session.studio, galleryId);
  return queryGalleryComments(galleryId, page);
}

export async function studioGalleryPeople(session: StudioSession, galleryId: string): Promise<PersonView[]> {
  return peopleView(await galleryPeople(await galleryOfStudio(session.studio, galleryId)));
}

export async function clientGalleryPeople(studio: Studio, client: Client, galleryId: string): Promise<PersonView[]> {
  return peopleView(await galleryPeople(await galleryForClient(studio, client, galleryId)));
}
