// Demo data for the local portal, created on first start through the same domain code the API
// uses: one studio with its owner, two clients, and a project and a gallery of a dozen photos each.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createUser } from '../shared/adapters/identity.ts';
import { putObject } from '../shared/adapters/storage.ts';
import { db, tableName } from '../shared/data/db.ts';
import { keys } from '../shared/data/keys.ts';
import { createClient } from '../shared/domain/clients.ts';
import { createGallery, createProject } from '../shared/domain/galleries.ts';
import { createStudio, isSlugTaken } from '../shared/domain/studios.ts';
import { demoLogo, demoPhoto } from './demo-images.ts';

export const DEMO = {
  studio: { name: 'Northlight Studio', slug: 'northlight', accentColor: '#b5562b' },
  owner: { name: 'Maya Lind', email: 'studio@northlight.example', password: 'Northlight-2026' },
  clients: [
    {
      name: 'Ava Martin',
      email: 'ava@example.com',
      project: 'Martin & Cole wedding',
      gallery: 'Wedding day — proofs',
      shootDate: '2026-10-17',
      deadlineDays: 14,
    },
    {
      name: 'Leo Park',
      email: 'leo@example.com',
      project: 'Park family portraits',
      gallery: 'Family session in the park',
      shootDate: '2026-11-02',
      deadlineDays: 21,
    },
  ],
  photosPerGallery: 12,
} as const;

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Seeds the demo studio unless it exists already. Returns true when it created it. */
export async function seedDemo(): Promise<boolean> {
  if (await isSlugTaken(DEMO.studio.slug)) return false;
  const ownerId = await createUser('studio', DEMO.owner.email, DEMO.owner.email, DEMO.owner.password);
  const studioId = randomUUID();
  const logoKey = `studios/${studioId}/branding/logo.png`;
  await putObject(logoKey, await demoLogo('N', DEMO.studio.accentColor), 'image/png');
  const { studio } = await createStudio({
    studioId,
    name: DEMO.studio.name,
    slug: DEMO.studio.slug,
    owner: { userId: ownerId, email: DEMO.owner.email, name: DEMO.owner.name },
    branding: {
      accentColor: DEMO.studio.accentColor,
      logoKey,
      plan: 'growth',
      welcomeMessage: 'Your photos are ready for you. Take your time, pick your favourites, and let us know what you love.',
      supportEmail: 'hello@northlight.example',
    },
  });

  let seed = 0;
  for (const c of DEMO.clients) {
    const client = await createClient(studio.studioId, { email: c.email, name: c.name });
    const project = await createProject({ studioId: studio.studioId, clientId: client.clientId, title: c.project, status: 'in_progress' });
    const galleryId = randomUUID();
    let coverThumbKey: string | null = null;
    for (let i = 1; i <= DEMO.photosPerGallery; i++) {
      const imageId = randomUUID();
      const fileName = `${c.name.split(' ')[1]?.toUpperCase()}_${String(i).padStart(4, '0')}.jpg`;
      const photo = await demoPhoto(seed++, fileName);
      const base = `studios/${studio.studioId}/galleries/${galleryId}`;
      const originalKey = `${base}/originals/${imageId}.jpg`;
      const thumbKey = `${base}/thumbs/${imageId}.webp`;
      await putObject(originalKey, photo.jpeg, 'image/jpeg');
      await putObject(thumbKey, photo.thumb, 'image/webp');
      coverThumbKey ??= thumbKey;
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.image(galleryId, imageId),
            type: 'image',
            imageId,
            galleryId,
            studioId: studio.studioId,
            fileName,
            originalKey,
            thumbKey,
            width: photo.width,
            height: photo.height,
            position: i,
          },
        }),
      );
    }
    await createGallery({
      galleryId,
      studioId: studio.studioId,
      clientId: client.clientId,
      projectId: project.projectId,
      title: c.gallery,
      status: 'proofing',
      shootDate: c.shootDate,
      deadline: addDays(c.deadlineDays),
      imageCount: DEMO.photosPerGallery,
      coverThumbKey,
    });
  }
  return true;
}
