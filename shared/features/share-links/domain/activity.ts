import { listClients } from '../../clients/index.ts';
import { galleryOfStudio, loadGalleryContents, publicLink } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';

/** Views and downloads per client, and how each share link was used. */
export async function galleryActivity(studio: Studio, galleryId: string) {
  await galleryOfStudio(studio, galleryId);
  const contents = await loadGalleryContents(galleryId);
  const clients = new Map((await listClients(studio.studioId)).map((c) => [c.clientId, c.name]));
  return {
    clients: contents.activity.map((a) => ({
      clientId: a.clientId,
      clientName: clients.get(a.clientId) ?? 'Former client',
      views: a.views ?? 0,
      downloads: a.downloads ?? 0,
      lastViewAt: a.lastViewAt ?? null,
      lastDownloadAt: a.lastDownloadAt ?? null,
    })),
    shareLinks: contents.shareLinks.map((l) => publicLink(l)),
  };
}
