// The data the route benchmark runs against, made with the same domain code the API uses: one
// studio with its owner, a client with a proofing gallery of GALLERY_IMAGES ready images (and a
// scratch gallery for the routes that add things), a second client whose selection is confirmed,
// share links, a ZIP job, magic links, and sessions for both sides.
import { randomUUID } from 'node:crypto';
import { createUser, issueSession, signInWithPassword } from '../../shared/adapters/identity.ts';
import { issueMagicLink } from '../../shared/features/auth/domain/magic-links.ts';
import { clientUsername, createClient } from '../../shared/features/clients/domain/clients.ts';
import type { Client } from '../../shared/features/clients/records.ts';
import { createGallery, DEFAULT_RULES, type GalleryRules } from '../../shared/features/galleries/index.ts';
import { addMilestone, createProject, updateMilestone } from '../../shared/features/projects/domain/projects.ts';
import { confirmSelection, setFavourite, setSelected } from '../../shared/features/proofing/domain/proofing.ts';
import { createShareLink } from '../../shared/features/share-links/domain/share-links.ts';
import { createStudio } from '../../shared/features/studios/domain/studios.ts';
import type { Studio } from '../../shared/features/studios/records.ts';
import { addReadyImages } from '../support/ready-images.ts';

/** A wedding proofing gallery is a few hundred images; the cost model's portal view opens one of these. */
export const GALLERY_IMAGES = 200;

export const OWNER = { email: 'owner@bench-studio.example', password: 'Bench-studio-2026', name: 'Bench Owner' };
export const SLUG = 'bench-studio';
/** The client's projects: the portal home must stay at two requests whatever their number. */
export const CLIENT_PROJECTS = 20;

const RULES: GalleryRules = {
  ...DEFAULT_RULES,
  selection: { enabled: true, min: 0, max: null },
  downloads: 'web',
};

export interface Fixtures {
  studio: Studio;
  client: Client;
  /** Confirmed its selection in `confirmedGallery`. */
  otherClient: Client;
  proofGallery: { galleryId: string; imageIds: string[] };
  /** Where routes that add things (comments, uploads, share links) put them, so the proof gallery stays the same size. */
  scratchGallery: { galleryId: string; imageIds: string[] };
  /** The client has picks here and has not confirmed: the one confirmation the benchmark makes. */
  unconfirmedGallery: { galleryId: string };
  confirmedGallery: { galleryId: string; submissionId: string };
  /** The client's projects, each with 6 milestones (2 done) and their activity. */
  projectIds: string[];
  viewShareToken: string;
  downloadShareToken: string;
  sessions: { studio: { accessToken: string; refreshToken: string }; client: { accessToken: string; refreshToken: string } };
  /**
   * Fresh single-use sign-in links, each for a client of its own: two sign-ins of one client at
   * the same moment rotate the same Cognito password (issueSession retries that, but a load test
   * of one client would measure the race, not the route).
   */
  magicTokens(count: number): Promise<string[]>;
  /** A sign-in link of `client` issued 20 minutes ago (expired; renewable). */
  expiredMagicToken(): Promise<string>;
  /** Ready images to delete, in the scratch gallery. */
  addImages(galleryId: string, count: number): Promise<string[]>;
}

export async function createFixtures(): Promise<Fixtures> {
  const ownerId = await createUser('studio', OWNER.email, OWNER.email, OWNER.password);
  const { studio } = await createStudio({
    name: 'Bench Studio',
    slug: SLUG,
    owner: { userId: ownerId, email: OWNER.email, name: OWNER.name },
    branding: { plan: 'growth', welcomeMessage: 'Welcome to your photos.', supportEmail: 'hello@bench-studio.example' },
  });
  const client = await createClient(studio.studioId, { email: 'ava@bench-client.example', name: 'Ava Bench' });
  const otherClient = await createClient(studio.studioId, { email: 'leo@bench-client.example', name: 'Leo Bench' });

  const gallery = async (owner: Client, title: string, images: number) => {
    const g = await createGallery({
      studioId: studio.studioId,
      clientId: owner.clientId,
      projectId: null,
      title,
      status: 'proofing',
      shootDate: '2026-10-17',
      deadline: '2099-01-01',
      rules: RULES,
      imageCount: images,
      coverThumbKey: null,
    });
    return { galleryId: g.galleryId, imageIds: await addReadyImages(studio.studioId, g.galleryId, images) };
  };
  const proofGallery = await gallery(client, 'Wedding day — proofs', GALLERY_IMAGES);
  const scratchGallery = await gallery(client, 'Scratch', 20);
  const unconfirmed = await gallery(client, 'Engagement shoot', 12);
  const confirmed = await gallery(otherClient, 'Family session', 20);

  // A client who has been proofing a while: some favourites and picks already.
  for (const imageId of proofGallery.imageIds.slice(0, 10)) {
    await setFavourite(studio, client, proofGallery.galleryId, imageId, true);
    await setSelected(studio, client, proofGallery.galleryId, imageId, true);
  }
  for (const imageId of unconfirmed.imageIds.slice(0, 3)) await setSelected(studio, client, unconfirmed.galleryId, imageId, true);
  for (const imageId of confirmed.imageIds.slice(0, 15)) await setSelected(studio, otherClient, confirmed.galleryId, imageId, true);
  const submission = await confirmSelection(studio, otherClient, confirmed.galleryId);

  const tokenOf = (url: string | undefined) => {
    const token = url?.split('#')[1];
    if (!token) throw new Error(`share link without a token: ${url}`);
    return token;
  };
  const viewLink = await createShareLink(studio, proofGallery.galleryId, { access: 'view' });
  const downloadLink = await createShareLink(studio, proofGallery.galleryId, { access: 'download' });

  const owner = {
    studio,
    user: { userId: ownerId, studioId: studio.studioId, email: OWNER.email, name: OWNER.name, role: 'owner' as const },
  };
  const projectIds: string[] = [];
  for (let n = 0; n < CLIENT_PROJECTS; n++) {
    const project = await createProject(studio, {
      title: `Campaign ${n + 1}`,
      contactIds: [client.clientId],
      leadId: ownerId,
      status: 'in_progress',
      startDate: '2026-09-01',
      dueDate: `2027-0${1 + (n % 9)}-15`,
      summary: 'A season of work.',
      milestones: [1, 2, 3, 4, 5].map((k) => ({ title: `Step ${k}`, dueDate: `2026-1${k % 3}-0${k}`, weight: k })),
    });
    const extra = await addMilestone(owner, project.projectId, { title: 'Launch', dueDate: '2027-02-01' });
    for (const m of extra.milestones.slice(0, 2)) await updateMilestone(owner, project.projectId, m.milestoneId, { done: true });
    projectIds.push(project.projectId);
  }

  // The owner signs in with the password (issueSession would rotate it, and studioSignIn needs it).
  const studioTokens = await signInWithPassword('studio', OWNER.email, OWNER.password);
  if (!studioTokens) throw new Error('The bench studio owner cannot sign in');
  const clientTokens = await issueSession('client', clientUsername(studio.studioId, client.clientId));
  const withRefresh = (t: { accessToken: string; refreshToken?: string }) => {
    if (!t.refreshToken) throw new Error('issueSession returned no refresh token');
    return { accessToken: t.accessToken, refreshToken: t.refreshToken };
  };

  return {
    studio,
    client,
    otherClient,
    proofGallery,
    scratchGallery,
    unconfirmedGallery: { galleryId: unconfirmed.galleryId },
    confirmedGallery: { galleryId: confirmed.galleryId, submissionId: submission.submissionId },
    projectIds,
    viewShareToken: tokenOf(viewLink.url),
    downloadShareToken: tokenOf(downloadLink.url),
    sessions: { studio: withRefresh(studioTokens), client: withRefresh(clientTokens) },
    magicTokens: async (count) => {
      const tokens: string[] = [];
      for (let i = 0; i < count; i++) {
        const signer = await createClient(studio.studioId, {
          email: `signer-${i}-${randomUUID().slice(0, 6)}@bench-client.example`,
          name: `Signer ${i}`,
        });
        tokens.push(await issueMagicLink(studio.studioId, signer.clientId, 'signin'));
      }
      return tokens;
    },
    expiredMagicToken: () => issueMagicLink(studio.studioId, client.clientId, 'signin', Date.now() - 20 * 60_000),
    addImages: (galleryId, count) => addReadyImages(studio.studioId, galleryId, count),
  };
}
