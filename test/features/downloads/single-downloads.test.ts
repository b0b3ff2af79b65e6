// One image downloaded under its own name: the presigned URL names the file for the browser in a
// Content-Disposition that any name fits (RFC 6266 / 5987), also beyond Latin-1.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { addReadyImages, findStudioBySlugForTest } from '../../support/fixtures.ts';
import { freshClient, galleryFor, NORTHLIGHT, publish, studioBrowser } from '../../support/portal-actors.ts';

describe('single-image downloads', () => {
  it('downloads a file whose name has characters above U+00FF under that exact name', async () => {
    const studio = await studioBrowser();
    const client = await freshClient(studio, 'Unicode Una');
    const { galleryId } = await galleryFor(studio, client.clientId, 0, {}, { publish: false });
    const { studioId } = await findStudioBySlugForTest(DEMO.studio.slug);
    const [imageId] = await addReadyImages(studioId, galleryId, 1, '写真 été');
    expect((await publish(studio, galleryId)).status).toBe(200);

    const link = await client.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${imageId}/download`);
    expect(link.status, link.text).toBe(200);
    expect(link.body.fileName).toBe('写真 été_0001.jpg');
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(`attachment; filename="__ _t__0001.jpg"; filename*=UTF-8''%E5%86%99%E7%9C%9F%20%C3%A9t%C3%A9_0001.jpg`);
  });
});
