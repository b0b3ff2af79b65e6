// A gallery's image count is what the studio and its client see on every card: it must equal the
// gallery's ready images, on the demo data (which once said 24 for 12) and after real uploads.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { DASHBOARD } from '../../support/http.ts';
import { studioBrowser } from '../../support/portal-actors.ts';

describe('image counts', () => {
  it("equal the ready images of every one of the demo studio's galleries", async () => {
    const studio = await studioBrowser();
    // Every page of the list: other tests add galleries to the demo studio too.
    const galleries: { galleryId: string; title: string; imageCount: number }[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const list: { status: number; body: { galleries: typeof galleries; nextCursor: string | null } } = await studio.get(
        DASHBOARD,
        `/api/studio/galleries?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(list.status).toBe(200);
      galleries.push(...list.body.galleries);
      cursor = list.body.nextCursor;
    }
    for (const demo of DEMO.clients) {
      const card = galleries.find((g) => g.title === demo.gallery);
      expect(card?.imageCount, demo.gallery).toBe(DEMO.photosPerGallery);
    }
    for (const card of galleries) {
      const detail = await studio.get(DASHBOARD, `/api/studio/galleries/${card.galleryId}`);
      expect(detail.status).toBe(200);
      const ready = (detail.body.images as { status: string }[]).filter((i) => i.status === 'ready').length;
      expect(card.imageCount, card.title).toBe(ready);
      expect(detail.body.gallery.imageCount, card.title).toBe(ready);
    }
  });
});
