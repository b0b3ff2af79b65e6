import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putObject } from '../../shared/adapters/storage.ts';
import { db, tableName } from '../../shared/data/db.ts';
import { objects } from '../../shared/data/objects.ts';
import { markImageReady, newImageRecord, putImage } from '../../shared/features/galleries/index.ts';
import { getStudio } from '../../shared/features/studios/data.ts';
import type { Studio } from '../../shared/features/studios/records.ts';
import { keys } from './keys.ts';
export async function findStudioBySlugForTest(slug: string): Promise<Studio> {
  const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slug(slug) }));
  const studio = claim.Item ? await getStudio(claim.Item.studioId) : null;
  if (!studio) throw new Error(`No studio ${slug}`);
  return studio;
}

/**
 * Images as the pipeline leaves them (tiny stand-in files under the real keys), for tests of what
 * comes after processing. The pipeline itself is tested with real uploads in image-pipeline.test.ts.
 */
export async function addReadyImages(studioId: string, galleryId: string, count: number, prefix = 'IMG'): Promise<string[]> {
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const imageId = randomUUID();
      ids[i] = imageId;
      const originalKey = objects.original(studioId, galleryId, imageId);
      const derived = {
        thumb: {
          webp: objects.derived(studioId, galleryId, imageId, 'thumb', 'webp'),
          jpg: objects.derived(studioId, galleryId, imageId, 'thumb', 'jpg'),
        },
        preview: {
          webp: objects.derived(studioId, galleryId, imageId, 'preview', 'webp'),
          jpg: objects.derived(studioId, galleryId, imageId, 'preview', 'jpg'),
        },
      };
      await putObject(derived.preview.jpg, Buffer.from(`preview ${i}`), 'image/jpeg');
      await putImage(
        newImageRecord({
          imageId,
          galleryId,
          studioId,
          fileName: `${prefix}_${String(i + 1).padStart(4, '0')}.jpg`,
          contentType: 'image/jpeg',
          size: 10,
          originalKey,
          position: i,
          status: 'processing',
        }),
      );
      await markImageReady(galleryId, imageId, {
        width: 1200,
        height: 800,
        takenAt: `2026-10-17T12:${String(i % 60).padStart(2, '0')}:00.000Z`,
        camera: 'Test Camera',
        derived,
        placeholder: 'AAAA',
      });
    }),
  );
  return ids;
}

/** Puts a studio on `plan` (the operator's job; there is no route for it yet). */
export async function setStudioPlanForTest(studioId: string, plan: Studio['plan']): Promise<void> {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.studio(studioId),
      UpdateExpression: 'SET #plan = :plan',
      ExpressionAttributeNames: { '#plan': 'plan' },
      ExpressionAttributeValues: { ':plan': plan },
    }),
  );
}
