// The data bench/pages.ts loads: the demo studio (its owner signs in with DEMO's credentials) and
// its client Ava with a proofing gallery of 2,000 ready images, written with the domain functions
// (as bench/gallery-api.ts does) instead of 2,000 pipeline runs.
// Every image gets its own thumbnail object, so the page fetches as many distinct images as a real
// gallery would; the thumbnails are real pipeline output (renderImage) of a few demo photos.
import { randomUUID } from 'node:crypto';
import { demoPhoto } from '../../local/demo-images.ts';
import { DEMO } from '../../local/seed.ts';
import { createUser } from '../../shared/adapters/identity.ts';
import { putObject } from '../../shared/adapters/storage.ts';
import { objects } from '../../shared/data/objects.ts';
import { createClient } from '../../shared/features/clients/domain/clients.ts';
import { createGallery, DEFAULT_RULES } from '../../shared/features/galleries/domain/galleries.ts';
import { newImageRecord, putImage } from '../../shared/features/galleries/index.ts';
import { createStudio } from '../../shared/features/studios/domain/studios.ts';
import { CONTENT_TYPES, type RenderedImage, renderImage } from '../../shared/features/uploads/pipeline.ts';

const DISTINCT_PHOTOS = 6;
const PARALLEL = 50;

export interface SeededGallery {
  studioId: string;
  clientId: string;
  galleryId: string;
  images: number;
  /** Mean bytes of one thumbnail (WebP), for the note. */
  thumbBytes: number;
}

export async function seedBigGallery(images: number): Promise<SeededGallery> {
  const { owner } = DEMO;
  const ownerId = await createUser('studio', owner.email, owner.email, owner.password);
  const { studio } = await createStudio({
    name: DEMO.studio.name,
    slug: DEMO.studio.slug,
    owner: { userId: ownerId, email: owner.email, name: owner.name },
    branding: { accentColor: DEMO.studio.accentColor, plan: 'growth' },
  });
  const studioId = studio.studioId;
  const { name, email } = DEMO.clients[0];
  const client = await createClient(studioId, { email, name });

  const rendered: RenderedImage[] = [];
  for (let seed = 0; seed < DISTINCT_PHOTOS; seed++) {
    const photo = await demoPhoto(100 + seed, `BIG_${seed}`, {
      takenAt: new Date(Date.UTC(2026, 9, 17, 12, seed)),
      make: 'Canon',
      model: 'Canon EOS R5',
      portrait: seed % 3 === 2,
    });
    rendered.push(await renderImage(photo));
  }

  const galleryId = randomUUID();
  const imageIds = Array.from({ length: images }, () => randomUUID());
  await createGallery({
    galleryId,
    studioId,
    clientId: client.clientId,
    projectId: null,
    title: `Reception — ${images.toLocaleString('en-US')} proofs`,
    status: 'proofing',
    shootDate: '2026-10-17',
    deadline: '2099-01-01',
    rules: DEFAULT_RULES,
    imageCount: images,
    coverImageId: imageIds[0] as string,
    coverThumbKey: objects.derived(studioId, galleryId, imageIds[0] as string, 'thumb', 'webp'),
  });

  for (let start = 0; start < images; start += PARALLEL) {
    await Promise.all(
      imageIds.slice(start, start + PARALLEL).map(async (imageId, j) => {
        const position = start + j;
        const source = rendered[position % rendered.length] as RenderedImage;
        const key = (variant: 'thumb' | 'preview', format: 'webp' | 'jpg') =>
          objects.derived(studioId, galleryId, imageId, variant, format);
        // The grid shows thumb.webp only; previews open in the lightbox, which no page load reaches.
        const thumb = source.files.find((f) => f.variant === 'thumb' && f.format === 'webp');
        if (!thumb) throw new Error('renderImage made no WebP thumbnail');
        await putObject(key('thumb', 'webp'), thumb.body, CONTENT_TYPES.webp);
        // Written ready at once, as the pipeline leaves it (one request instead of three).
        await putImage({
          ...newImageRecord({
            imageId,
            galleryId,
            studioId,
            fileName: `BIG_${String(position + 1).padStart(4, '0')}.jpg`,
            contentType: 'image/jpeg',
            size: 12_000_000,
            originalKey: objects.original(studioId, galleryId, imageId),
            position,
          }),
          status: 'ready',
          width: source.width,
          height: source.height,
          takenAt: new Date(Date.UTC(2026, 9, 17, 12, 0, position)).toISOString(),
          camera: 'Canon EOS R5',
          derived: {
            thumb: { webp: key('thumb', 'webp'), jpg: key('thumb', 'jpg') },
            preview: { webp: key('preview', 'webp'), jpg: key('preview', 'jpg') },
          },
          placeholder: source.placeholder,
        });
      }),
    );
  }
  const thumbs = rendered.map((r) => r.files.find((f) => f.variant === 'thumb' && f.format === 'webp')?.body.length ?? 0);
  return {
    studioId,
    clientId: client.clientId,
    galleryId,
    images,
    thumbBytes: Math.round(thumbs.reduce((a, b) => a + b, 0) / thumbs.length),
  };
}
