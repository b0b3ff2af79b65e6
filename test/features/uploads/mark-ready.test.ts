// What marking an image ready tells the pipeline: only an image removed while it was processed
// ('gone') has its new files deleted; a repeated event ('already') keeps the files the image shows.
import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../../shared/data/db.ts';
import { objects } from '../../../shared/data/objects.ts';
import { getGallery, getImage, keys, markImageReady, newImageRecord, putImage } from '../../../shared/features/galleries/index.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';

const result = { width: 1200, height: 800, takenAt: null, camera: null, derived: {}, placeholder: 'AAAA' };

let t: TenantFixture;
beforeAll(async () => {
  t = await tenantFixture('MarkReady');
}, 120_000);

async function processingImage(galleryId: string): Promise<string> {
  const imageId = randomUUID();
  await putImage(
    newImageRecord({
      imageId,
      galleryId,
      studioId: t.studioId,
      fileName: 'IMG_0001.jpg',
      contentType: 'image/jpeg',
      size: 10,
      originalKey: objects.original(t.studioId, galleryId, imageId),
      position: 99,
      status: 'processing',
    }),
  );
  return imageId;
}

describe('marking an image ready', () => {
  it("says 'ready' once, counts the image once, and 'already' for a repeated event", async () => {
    const { galleryId } = t.clients[0];
    const before = (await getGallery(t.studioId, galleryId))?.imageCount ?? 0;
    const imageId = await processingImage(galleryId);
    expect(await markImageReady(galleryId, imageId, result)).toBe('ready');
    expect(await markImageReady(galleryId, imageId, result)).toBe('already');
    expect((await getImage(galleryId, imageId))?.status).toBe('ready');
    expect((await getGallery(t.studioId, galleryId))?.imageCount).toBe(before + 1);
  });

  it("says 'gone' for an image removed while it was processed, and writes nothing back", async () => {
    const { galleryId } = t.clients[0];
    const imageId = await processingImage(galleryId);
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.image(galleryId, imageId) }));
    expect(await markImageReady(galleryId, imageId, result)).toBe('gone');
    expect(await getImage(galleryId, imageId)).toBeNull();
  });
});
