// Galleries as their client lists them, with the titles of the projects they belong to.
import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import type { Page, PageRequest } from '../../../paging.ts';
import { today } from '../../clients/index.ts';
import { projectTitles as titlesOf } from '../../projects/index.ts';
import { putGallery, queryClientGalleries } from '../data.ts';
import type { Gallery } from '../records.ts';
import type { ClientGallery } from '../schemas.ts';
import { isPublished, listedStatus } from './rules.ts';

// The seeds, benchmarks and tests that create galleries import the defaults from this file.
export { DEFAULT_RULES, rulesOf } from './rules.ts';

export async function createGallery(input: Omit<Gallery, 'galleryId' | 'createdAt'> & { galleryId?: string }): Promise<Gallery> {
  const gallery: Gallery = { ...input, galleryId: input.galleryId ?? randomUUID(), createdAt: new Date().toISOString() };
  await putGallery(gallery);
  return gallery;
}

/**
 * A page of a client's galleries (pages follow the key order of the client's GSI1 partition), the
 * latest shoot first within it, with the titles of the projects this page names (one batch read).
 * A gallery not yet published is listed as Unavailable, with its title only; one whose deadline
 * has passed shows as Locked.
 */
export async function listClientGalleries(studioId: string, clientId: string, page: PageRequest): Promise<Page<ClientGallery>> {
  const found = await queryClientGalleries(clientId, page);
  // The client id is unique, but a record of another studio must never leak through it.
  const galleries = found.items.filter((g) => g.studioId === studioId);
  const projectIds = galleries.flatMap((g) => (g.projectId ? [g.projectId] : []));
  const projectTitles = await titlesOf(studioId, projectIds);

  const listed = galleries.sort((a, b) => (b.shootDate ?? '').localeCompare(a.shootDate ?? ''));
  const now = today();
  const items = await Promise.all(
    listed.map((g) => clientGalleryOf(g, g.projectId ? (projectTitles.get(g.projectId) ?? null) : null, now)),
  );
  return { items, nextCursor: found.nextCursor };
}

/** A gallery as its client's list shows it: a draft by its title only, a passed deadline as Locked. */
export async function clientGalleryOf(g: Gallery, projectTitle: string | null, now = today()): Promise<ClientGallery> {
  const published = isPublished(g);
  return {
    galleryId: g.galleryId,
    title: g.title,
    status: listedStatus(g, now),
    shootDate: g.shootDate,
    deadline: g.deadline,
    imageCount: published ? g.imageCount : 0,
    coverUrl: published && g.coverThumbKey ? await presignGet(g.coverThumbKey) : null,
    projectId: g.projectId,
    projectTitle,
  };
}
