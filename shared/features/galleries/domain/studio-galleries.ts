// A studio's galleries: its list, a gallery's detail with its images and marks, creating and editing one.

import { presignGet } from '../../../adapters/storage.ts';
import { invalid, notAllowed, notFound } from '../../../errors.ts';
import type { Page, PageRequest } from '../../../paging.ts';
import { type Client, clientNames, getClient } from '../../clients/index.ts';
import { notify } from '../../notifications/index.ts';
import { clientPerson, userPerson } from '../../people/index.ts';
import { getProject } from '../../projects/index.ts';
import { listStudioUsers, roleAtLeast, type Studio, type StudioUser } from '../../studios/index.ts';
import { batchGetSelections, getGallery, getImage, queryStudioGalleries, updateGalleryFields } from '../data.ts';
import type { Gallery } from '../records.ts';
import type { GalleryRules, GalleryStatus } from '../schemas.ts';
import { createGallery } from './galleries.ts';
import { loadGalleryContents, mark } from './gallery-contents.ts';
import { coverThumbKey, DEFAULT_RULES, isPublished, mayWorkOn, rulesOf } from './rules.ts';

/** The studio's own gallery, or 404: another studio's gallery does not exist for it. */
export async function galleryOfStudio(studio: Studio, galleryId: string): Promise<Gallery> {
  const gallery = await getGallery(studio.studioId, galleryId);
  if (!gallery) throw notFound('No such gallery.');
  return gallery;
}

/**
 * Refuses a member a gallery it is not assigned, as "not found" (as another studio's would be):
 * the tenancy step calls it for every studio route that names a gallery.
 */
export async function assertAssigned(session: { studio: Studio; user: StudioUser }, galleryId: string): Promise<void> {
  if (session.user.role !== 'member') return;
  const gallery = await getGallery(session.studio.studioId, galleryId);
  if (!gallery || !mayWorkOn(gallery, session.user)) throw notFound('No such gallery.');
}

export async function studioGalleryView(
  gallery: Gallery,
  client: Pick<Client, 'name'> | null,
  extra?: { selectedCount: number; confirmedAt: string | null },
) {
  const rules = rulesOf(gallery);
  return {
    galleryId: gallery.galleryId,
    clientId: gallery.clientId,
    clientName: client?.name ?? 'Former client',
    projectId: gallery.projectId,
    title: gallery.title,
    status: gallery.status,
    shootDate: gallery.shootDate,
    deadline: gallery.deadline,
    welcomeNote: gallery.welcomeNote ?? '',
    tags: gallery.tags ?? [],
    rules,
    imageCount: gallery.imageCount,
    coverImageId: gallery.coverImageId ?? null,
    coverUrl: gallery.coverThumbKey ? await presignGet(gallery.coverThumbKey) : null,
    assigneeIds: gallery.assigneeIds ?? [],
    selectedCount: extra?.selectedCount ?? 0,
    confirmedAt: extra?.confirmedAt ?? null,
    createdAt: gallery.createdAt,
  };
}

/**
 * A page of the studio's galleries (pages follow the key order), the newest first within it, with
 * only the clients and selections this page names. A member's page holds only the galleries it is
 * assigned, so it may hold fewer than the page size.
 */
export async function listStudioGalleries(
  studio: Studio,
  viewer: StudioUser,
  page: PageRequest,
): Promise<Page<Awaited<ReturnType<typeof studioGalleryView>>>> {
  const { items: listed, nextCursor } = await queryStudioGalleries(studio.studioId, page);
  const galleries = listed.filter((g) => mayWorkOn(g, viewer));
  const [names, selections] = await Promise.all([
    clientNames(
      studio.studioId,
      galleries.map((g) => g.clientId),
    ),
    batchGetSelections(galleries),
  ]);
  galleries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const items = await Promise.all(
    galleries.map((g) => {
      const name = names.get(g.clientId);
      return studioGalleryView(g, name === undefined ? null : { name }, selections.get(g.galleryId));
    }),
  );
  return { items, nextCursor };
}

export async function createStudioGallery(
  studio: Studio,
  input: {
    clientId: string;
    projectId?: string | null;
    title: string;
    shootDate?: string | null;
    deadline?: string | null;
    welcomeNote?: string;
    tags?: string[];
    rules?: GalleryRules;
  },
) {
  // The client must be this studio's: an id from elsewhere is simply unknown here.
  const client = await getClient(studio.studioId, input.clientId);
  if (!client) throw notFound('No such client in your studio.', { clientId: ['is not one of your clients'] });
  // A gallery joins a project of this studio that its client follows.
  if (input.projectId) {
    const project = await getProject(studio.studioId, input.projectId);
    if (!project?.contactIds.includes(client.clientId))
      throw notFound('No such project for this client.', { projectId: ['is not a project of this client'] });
  }
  const gallery = await createGallery({
    studioId: studio.studioId,
    clientId: client.clientId,
    projectId: input.projectId ?? null,
    title: input.title,
    status: 'draft',
    shootDate: input.shootDate ?? null,
    deadline: input.deadline ?? null,
    welcomeNote: input.welcomeNote ?? '',
    tags: input.tags ?? [],
    rules: input.rules ?? DEFAULT_RULES,
    imageCount: 0,
    coverImageId: null,
    coverThumbKey: null,
  });
  return studioGalleryView(gallery, client);
}

export async function updateStudioGallery(
  studio: Studio,
  editor: StudioUser,
  galleryId: string,
  changes: Partial<{
    title: string;
    shootDate: string | null;
    deadline: string | null;
    welcomeNote: string;
    tags: string[];
    rules: GalleryRules;
    status: GalleryStatus;
    coverImageId: string | null;
    assigneeIds: string[];
  }>,
) {
  const gallery = await galleryOfStudio(studio, galleryId);
  const set: Record<string, unknown> = { ...changes };
  if (changes.assigneeIds !== undefined) set.assigneeIds = await teamMembersAmong(studio, editor, changes.assigneeIds);
  if (changes.coverImageId !== undefined) {
    if (changes.coverImageId === null) set.coverThumbKey = null;
    else set.coverThumbKey = coverThumbKey(await getImage(galleryId, changes.coverImageId));
  }
  const updated = await updateGalleryFields(studio.studioId, galleryId, set);
  // Leaving draft makes it visible to its client: a note (notes only, no email of its own).
  if (!isPublished(gallery) && isPublished(updated)) {
    const project = updated.projectId ? await getProject(studio.studioId, updated.projectId) : null;
    await notify({
      studioId: studio.studioId,
      kind: 'galleryReady',
      projectId: project?.projectId ?? null,
      projectTitle: project?.title ?? null,
      title: `${updated.title} is ready to view`,
      link: { studio: `/galleries/${galleryId}`, client: `/galleries/${galleryId}` },
      actor: userPerson(editor.userId),
      recipients: [clientPerson(updated.clientId)],
    });
  }
  return studioGalleryView(updated, await getClient(studio.studioId, gallery.clientId));
}

/** Who works on a gallery is an admin's call; each id must be one of the studio's own team. */
async function teamMembersAmong(studio: Studio, editor: StudioUser, ids: string[]): Promise<string[]> {
  if (!roleAtLeast(editor.role, 'admin'))
    throw notAllowed('role_required', `Only an owner or an admin of ${studio.name} can choose who works on a gallery.`);
  const team = new Set((await listStudioUsers(studio.studioId)).map((u) => u.userId));
  const unknown = ids.filter((id) => !team.has(id));
  if (unknown.length)
    throw invalid('not_in_team', 'Only members of your team can be assigned.', { assigneeIds: ['names someone outside your team'] });
  return [...new Set(ids)];
}

export async function studioGalleryDetail(studio: Studio, galleryId: string) {
  const gallery = await galleryOfStudio(studio, galleryId);
  const [contents, client] = await Promise.all([loadGalleryContents(galleryId), getClient(studio.studioId, gallery.clientId)]);
  const selection = contents.selections.get(gallery.clientId);
  const now = Date.now() / 1000;
  // DynamoDB deletes expired items within days, not at once: an abandoned upload is gone from the view at its ttl.
  const live = contents.images.filter((image) => !(image.status === 'uploading' && image.ttl !== undefined && image.ttl < now));
  const images = await Promise.all(
    live.map(async (image) => ({
      imageId: image.imageId,
      fileName: image.fileName,
      status: image.status,
      failureReason: image.failureReason,
      width: image.width,
      height: image.height,
      takenAt: image.takenAt,
      thumbUrl: image.derived?.thumb?.webp ? await presignGet(image.derived.thumb.webp) : null,
      placeholder: image.placeholder,
      selected: contents.picks.has(mark(gallery.clientId, image.imageId)),
      favourite: contents.favourites.has(mark(gallery.clientId, image.imageId)),
      comments: image.commentCount ?? 0,
    })),
  );
  return {
    gallery: await studioGalleryView(gallery, client, {
      selectedCount: selection?.count ?? 0,
      confirmedAt: selection?.confirmedAt ?? null,
    }),
    images,
  };
}

/**
 * The studio's galleries of one page in key order, unfiltered and without their clients' names: what
 * an overview that looks inside a bounded number of galleries needs (the Portal Manager's).
 */
export async function studioGalleryRecords(studioId: string, limit: number): Promise<Page<Gallery>> {
  return queryStudioGalleries(studioId, { limit });
}
