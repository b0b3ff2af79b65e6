// Ready images as the pipeline leaves them (records only, under the real keys), in batches of 50:
// the benchmarks' large galleries, seeded in seconds instead of processing thousands of photos.
import { randomUUID } from 'node:crypto';
import { objects } from '../../shared/data/objects.ts';
import { markImageReady, newImageRecord, putImage } from '../../shared/features/galleries/index.ts';

export async function addReadyImages(studioId: string, galleryId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      ids.slice(start, start + 50).map(async (imageId, j) => {
        const i = start + j;
        const d = (variant: 'thumb' | 'preview', format: 'webp' | 'jpg') => objects.derived(studioId, galleryId, imageId, variant, format);
        await putImage(
          newImageRecord({
            imageId,
            galleryId,
            studioId,
            fileName: `WED_${String(i + 1).padStart(4, '0')}.jpg`,
            contentType: 'image/jpeg',
            size: 12_000_000,
            originalKey: objects.original(studioId, galleryId, imageId),
            position: i,
            status: 'processing',
          }),
        );
        await markImageReady(galleryId, imageId, {
          width: 6000,
          height: 4000,
          takenAt: new Date(Date.UTC(2026, 9, 17, 12, 0, i)).toISOString(),
          camera: 'Canon EOS R5',
          derived: {
            thumb: { webp: d('thumb', 'webp'), jpg: d('thumb', 'jpg') },
            preview: { webp: d('preview', 'webp'), jpg: d('preview', 'jpg') },
          },
          placeholder: '1QcSHQRnh493V4dIh4eXh1h4kJUI',
        });
      }),
    );
  }
  return ids;
}
