// A gallery's images and marks as the studio's and the client's views use them: read with one
// paginated Query of the partition's view range (data.ts), then put in display order; and how its
// marks and links are shown.
import { queryGalleryView } from '../data.ts';
import type { GalleryContents, ImageRecord, ShareLinkRecord } from '../records.ts';

/** A share link as the studio sees it: never the password hash; the URL only when just created. */
export function publicLink(link: ShareLinkRecord, url?: string) {
  return {
    linkId: link.linkId,
    access: link.access,
    hasPassword: link.passwordHash !== null,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    createdAt: link.createdAt,
    uses: link.uses,
    lastUsedAt: link.lastUsedAt,
    ...(url ? { url } : {}),
  };
}

export const mark = (clientId: string, imageId: string) => `${clientId}#${imageId}`;

/** Capture time first (how a photographer thinks of a shoot), then upload order. */
export function byShootOrder(a: ImageRecord, b: ImageRecord): number {
  return (a.takenAt ?? '').localeCompare(b.takenAt ?? '') || a.position - b.position || a.fileName.localeCompare(b.fileName);
}

export async function loadGalleryContents(galleryId: string): Promise<GalleryContents> {
  const contents = await queryGalleryView(galleryId);
  contents.images.sort(byShootOrder);
  return contents;
}
