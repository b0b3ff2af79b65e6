import type { PageRequest } from '../../../paging.ts';
import { clientNames } from '../../clients/index.ts';
import { galleryOfStudio } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
import { queryActivity } from '../data.ts';

/**
 * A page of views and downloads per client, with the names of only the clients this page names.
 * How each share link was used is listShareLinks' answer (its own pages): two lists cannot share
 * one cursor.
 */
export async function galleryActivity(studio: Studio, galleryId: string, page: PageRequest) {
  await galleryOfStudio(studio, galleryId);
  const { items, nextCursor } = await queryActivity(galleryId, page);
  const names = await clientNames(
    studio.studioId,
    items.map((a) => a.clientId),
  );
  return {
    clients: items.map((a) => ({
      clientId: a.clientId,
      clientName: names.get(a.clientId) ?? 'Former client',
      views: a.views ?? 0,
      downloads: a.downloads ?? 0,
      lastViewAt: a.lastViewAt ?? null,
      lastDownloadAt: a.lastDownloadAt ?? null,
    })),
    nextCursor,
  };
}
