// Demo data for the local portal, created on first start through the same domain code the API
// uses: one studio (Growth) with its owner, an admin and a member, two clients, and a project and a
// gallery of a dozen photos each; a second studio on Starter, with a client and a project, to show
// the plan's limits; and an agency, Fieldwork Design (Growth, local/seed-agency.ts), with a client
// company's two contacts, a rebrand project at 60 %, deliverables in every review state and shared
// files in two folders. Each studio is seeded unless its slug is taken, so a data directory made
// before the agency existed gains it on its next start.
// Every file is uploaded as the API's uploads do and goes through the real pipelines (local S3
// events); seeding returns once every preview is made.
import { randomUUID } from 'node:crypto';
import { createUser } from '../shared/adapters/identity.ts';
import { putObject } from '../shared/adapters/storage.ts';
import { objects } from '../shared/data/objects.ts';
import { createClient } from '../shared/features/clients/domain/clients.ts';
import { createGallery, DEFAULT_RULES } from '../shared/features/galleries/domain/galleries.ts';
import { getImage, newImageRecord, putImage } from '../shared/features/galleries/index.ts';
import { createProject } from '../shared/features/projects/domain/projects.ts';
import { getSlugStudioId, isSlugTaken } from '../shared/features/studios/data.ts';
import { createStudio } from '../shared/features/studios/domain/studios.ts';
import { addTeamMember } from '../shared/features/team/index.ts';
import { demoLogo, demoPhoto } from './demo-images.ts';
import { AGENCY, seedAgencyBase, seedAgencyWork } from './seed-agency.ts';
import { registerDemoStripe, seedPhotographerInvoice } from './seed-invoices.ts';
import { seedPhotographerRelease } from './seed-releases.ts';
import type { StripeStandIn } from './stripe-stand-in.ts';

export const DEMO = {
  studio: { name: 'Northlight Studio', slug: 'northlight', accentColor: '#b5562b' },
  owner: { name: 'Maya Lind', email: 'studio@northlight.example', password: 'Northlight-2026' },
  /** The rest of the team: an admin, and a member who works on the first client's gallery only. */
  team: [
    { name: 'Noah Berg', email: 'admin@northlight.example', password: 'Northlight-Admin-2026', role: 'admin' },
    { name: 'Ivy Chen', email: 'member@northlight.example', password: 'Northlight-Member-2026', role: 'member' },
  ],
  clients: [
    {
      name: 'Ava Martin',
      email: 'ava@example.com',
      project: 'Martin & Cole wedding',
      gallery: 'Wedding day — proofs',
      shootDate: '2026-10-17',
      startsAt: '13:30:00',
      deadlineDays: 14,
      watermark: '© Northlight Studio',
      cameras: [
        { make: 'Canon', model: 'Canon EOS R5' },
        { make: 'Canon', model: 'Canon EOS R6m2' },
      ],
    },
    {
      name: 'Leo Park',
      email: 'leo@example.com',
      project: 'Park family portraits',
      gallery: 'Family session in the park',
      shootDate: '2026-11-02',
      startsAt: '16:10:00',
      deadlineDays: 21,
      watermark: null,
      cameras: [{ make: 'FUJIFILM', model: 'X-T5' }],
    },
  ],
  photosPerGallery: 12,
  /** A second studio, on the Starter plan: it shows what a plan without custom domain or feedback looks like. */
  starter: {
    studio: { name: 'Juniper Design Co.', slug: 'juniper', accentColor: '#2e6b4f' },
    owner: { name: 'Ren Okafor', email: 'studio@juniper.example', password: 'Juniper-2026' },
    client: { name: 'Sam Rivera', email: 'sam@example.com', project: 'Brand refresh' },
  },
} as const;

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type PendingImage = { galleryId: string; imageId: string; fileName: string };

/**
 * Seeds each demo studio that does not exist yet, and returns once all their previews are made.
 * The agency is seeded while the photographer's photos are in the pipeline. True when it created any.
 */
/** What the invoices' demo needs of the running stack: the Stripe stand-in, and the port its webhooks go to. */
export interface SeedPayments {
  stripe: StripeStandIn;
  port: number;
}

export async function seedDemo(payments: SeedPayments): Promise<boolean> {
  const photos = (await isSlugTaken(DEMO.studio.slug)) ? null : await seedPhotoStudios(payments);
  const agency = !(await isSlugTaken(AGENCY.studio.slug));
  if (agency) await seedAgencyWork(await seedAgencyBase(), payments);
  if (photos) await waitUntilProcessed(photos);
  // A restarted stand-in has forgotten the demo accounts: register them again (a new one is a no-op).
  for (const slug of ['northlight', 'fieldwork'] as const) {
    const studioId = await getSlugStudioId(slug);
    if (studioId) registerDemoStripe(payments.stripe, slug, studioId, payments.port);
  }
  return photos !== null || agency;
}

/** Northlight and the Starter studio; answers the photos still on their way through the pipeline. */
async function seedPhotoStudios(payments: SeedPayments): Promise<PendingImage[]> {
  const ownerId = await createUser('studio', DEMO.owner.email, DEMO.owner.email, DEMO.owner.password);
  const studioId = randomUUID();
  const logoKey = objects.logo(studioId, 'png');
  await putObject(logoKey, await demoLogo('N', DEMO.studio.accentColor), 'image/png');
  const { studio, user: owner } = await createStudio({
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
    // Created by the operator (the seed), as `npm run create-studio` does: the owner's email is known.
    emailVerified: true,
  });

  const team = [];
  for (const t of DEMO.team) {
    const userId = await createUser('studio', t.email, t.email, t.password);
    team.push(await addTeamMember(studio, { userId, email: t.email, name: t.name, role: t.role }));
  }
  const member = team.find((u) => u.role === 'member');

  let seed = 0;
  const pending: PendingImage[] = [];
  for (const c of DEMO.clients) {
    const client = await createClient(studio.studioId, { email: c.email, name: c.name });
    const project = await createProject(studio, {
      title: c.project,
      contactIds: [client.clientId],
      leadId: ownerId,
      status: 'in_progress',
    });
    const galleryId = randomUUID();
    const imageIds = Array.from({ length: DEMO.photosPerGallery }, () => randomUUID());
    const firstId = imageIds[0] as string;
    // The gallery first: the pipeline reads its rules (watermark) for every image.
    await createGallery({
      galleryId,
      studioId: studio.studioId,
      clientId: client.clientId,
      projectId: project.projectId,
      title: c.gallery,
      status: 'proofing',
      shootDate: c.shootDate,
      deadline: addDays(c.deadlineDays),
      rules: { ...DEFAULT_RULES, watermark: c.watermark },
      // The pipeline counts each image as it makes it ready (as after real uploads).
      imageCount: 0,
      coverImageId: firstId,
      coverThumbKey: objects.derived(studio.studioId, galleryId, firstId, 'thumb', 'webp'),
      assigneeIds: c === DEMO.clients[0] && member ? [member.userId] : [],
    });
    // A shoot of a couple of hours: a frame every few minutes, from one or two bodies.
    let clock = Date.parse(`${c.shootDate}T${c.startsAt}Z`);
    for (const [index, imageId] of imageIds.entries()) {
      const i = index + 1;
      const fileName = `${c.name.split(' ')[1]?.toUpperCase()}_${String(i).padStart(4, '0')}.jpg`;
      const camera = c.cameras[index % c.cameras.length] as (typeof c.cameras)[number];
      clock += (3 + ((seed * 7) % 11)) * 60_000 + ((seed * 13) % 60) * 1000;
      const jpeg = await demoPhoto(seed++, fileName, { takenAt: new Date(clock), ...camera, portrait: i % 4 === 0 });
      const originalKey = objects.original(studio.studioId, galleryId, imageId);
      // As the upload API does: the record first, then the bytes; the pipeline takes it from there.
      await putImage(
        newImageRecord({
          imageId,
          galleryId,
          studioId: studio.studioId,
          fileName,
          contentType: 'image/jpeg',
          size: jpeg.length,
          originalKey,
          position: i,
          status: 'processing',
        }),
      );
      await putObject(originalKey, jpeg, 'image/jpeg');
      pending.push({ galleryId, imageId, fileName });
    }
    if (c === DEMO.clients[0])
      await seedPhotographerRelease(studio, owner, client, { projectId: project.projectId, galleryId, shootDate: c.shootDate });
    if (c === DEMO.clients[1])
      await seedPhotographerInvoice(payments.stripe, payments.port, studio, owner, client, { projectId: project.projectId, galleryId });
  }
  await seedStarterStudio();
  return pending;
}

/** The Starter demo studio: an owner, a client and a project, no galleries yet. */
async function seedStarterStudio(): Promise<void> {
  const { studio: s, owner, client: c } = DEMO.starter;
  const ownerId = await createUser('studio', owner.email, owner.email, owner.password);
  const { studio } = await createStudio({
    name: s.name,
    slug: s.slug,
    owner: { userId: ownerId, email: owner.email, name: owner.name },
    branding: { accentColor: s.accentColor, plan: 'starter', supportEmail: 'hello@juniper.example' },
    emailVerified: true,
  });
  const client = await createClient(studio.studioId, { email: c.email, name: c.name });
  await createProject(studio, { title: c.project, contactIds: [client.clientId], leadId: ownerId, status: 'in_progress' });
}

/** Polls the demo images until the pipeline has made them ready; `npm start` is not ready before. */
async function waitUntilProcessed(images: PendingImage[], timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = images;
  while (waiting.length > 0) {
    const records = await Promise.all(waiting.map(async (image) => ({ image, record: await getImage(image.galleryId, image.imageId) })));
    const failed = records.filter(({ record }) => record?.status === 'failed');
    if (failed.length > 0) {
      const list = failed.map(({ image, record }) => `${image.fileName}: ${record?.failureReason}`).join('; ');
      throw new Error(`The image pipeline failed on demo photos: ${list}`);
    }
    waiting = records.filter(({ record }) => record?.status !== 'ready').map(({ image }) => image);
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The image pipeline did not process the demo photos within ${timeoutMs / 1000} s; still waiting for ` +
          `${waiting.length} of ${images.length} (${waiting.map((i) => i.fileName).join(', ')}). ` +
          'Set PORTICO_VERBOSE=1 or POWERTOOLS_LOG_LEVEL=INFO to see the pipeline logs.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
