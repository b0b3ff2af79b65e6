// How the benchmark calls each route of shared/routes.ts. Three ways:
//   load  the same call (or a cycle of variants) by every connection for a few seconds: reads,
//         and writes that are idempotent or toggle back and forth
//   pool  distinct single-use calls, each sent once under the same concurrency: routes that
//         create or consume something (a gallery, a sign-in link, an image to delete)
//   once  one call, for its DynamoDB requests and capacity only: routes that send mail, count
//         against a rate limit, or start background work
// A route without a plan here is printed as not measured, so a new route cannot go missing quietly.
import { signInWithPassword } from '../../shared/adapters/identity.ts';
import { putObject } from '../../shared/adapters/storage.ts';
import { objects } from '../../shared/data/objects.ts';
import { startGalleryZip } from '../../shared/features/downloads/domain/gallery-zips.ts';
import { addClientImageComment } from '../../shared/features/proofing/domain/threads.ts';
import { createShareLink } from '../../shared/features/share-links/domain/share-links.ts';
import type { RouteId } from '../../shared/routes.ts';
import { type Fixtures, OWNER, SLUG } from './fixtures.ts';

export interface Call {
  method: string;
  path: string;
  host: 'dashboard' | 'portal';
  /** Whose session cookie goes with it. */
  session?: 'studio' | 'client';
  body?: unknown;
  cookies?: Record<string, string>;
}

export type Plan =
  | { mode: 'load'; calls: Call[]; note?: string }
  | { mode: 'pool'; calls: Call[]; note: string }
  | { mode: 'once'; call: Call; note: string };

/** Calls per pool: enough for a latency distribution, few enough not to grow the data much. */
const POOL = 30;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export interface PlanContext {
  fixtures: Fixtures;
  /** Waits until the local S3's object-event handlers (image pipeline, ZIP worker) are idle. */
  backgroundIdle(): Promise<void>;
}

export function routePlans({ fixtures: f, backgroundIdle }: PlanContext): Partial<Record<RouteId, () => Promise<Plan>>> {
  const proof = f.proofGallery;
  const scratch = f.scratchGallery;
  const g = (galleryId: string) => `/api/studio/galleries/${galleryId}`;
  const p = (galleryId: string) => `/api/portal/galleries/${galleryId}`;
  // Toggles: a pass that turns 50 images on, then a pass that turns them off again, and so on.
  const toggles = (what: 'favourite' | 'selection', field: 'favourite' | 'selected'): Call[] =>
    range(100).map((k) => ({
      method: 'PUT',
      path: `${p(proof.galleryId)}/images/${proof.imageIds[10 + (k % 50)]}/${what}`,
      host: 'portal',
      session: 'client',
      body: { [field]: k < 50 },
    }));

  return {
    getHealth: async () => ({ mode: 'load', calls: [{ method: 'GET', path: '/api/health', host: 'dashboard' }] }),
    getOpenApi: async () => ({ mode: 'load', calls: [{ method: 'GET', path: '/api/openapi.json', host: 'dashboard' }] }),
    studioSignUp: async () => ({
      mode: 'once',
      note: 'creates a studio and a Cognito user',
      call: {
        method: 'POST',
        path: '/api/studio/signup',
        host: 'dashboard',
        body: {
          studioName: 'Signup',
          slug: 'bench-signup',
          name: 'S',
          email: 'signup@bench-studio.example',
          password: 'Bench-signup-2026',
        },
      },
    }),
    studioSignIn: async () => ({
      mode: 'load',
      note: 'Cognito password sign-in',
      calls: [{ method: 'POST', path: '/api/studio/session', host: 'dashboard', body: { email: OWNER.email, password: OWNER.password } }],
    }),
    refreshSession: async () => ({
      mode: 'load',
      note: 'Cognito refresh',
      calls: [
        { method: 'POST', path: '/api/session/refresh', host: 'dashboard', cookies: { portico_refresh: f.sessions.studio.refreshToken } },
      ],
    }),
    signOut: async () => {
      // A session of its own: signing out revokes its refresh token.
      const tokens = await signInWithPassword('studio', OWNER.email, OWNER.password);
      return {
        mode: 'once',
        note: 'revokes the refresh token it is given',
        call: { method: 'DELETE', path: '/api/session', host: 'dashboard', cookies: { portico_refresh: tokens?.refreshToken ?? '' } },
      };
    },
    getStudioMe: async () => ({ mode: 'load', calls: [{ method: 'GET', path: '/api/studio/me', host: 'dashboard', session: 'studio' }] }),
    listClients: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: '/api/studio/clients', host: 'dashboard', session: 'studio' }],
    }),
    inviteClient: async () => ({
      mode: 'once',
      note: 'sends an invitation mail, creates a Cognito user',
      call: {
        method: 'POST',
        path: '/api/studio/clients',
        host: 'dashboard',
        session: 'studio',
        body: { email: 'invited@bench-client.example', name: 'Invited' },
      },
    }),
    getPortal: async () => ({ mode: 'load', calls: [{ method: 'GET', path: '/api/portal', host: 'portal' }] }),
    requestMagicLink: async () => ({
      mode: 'once',
      note: 'sends mail; 5 per email per 15 min',
      call: { method: 'POST', path: '/api/portal/magic-link', host: 'portal', body: { email: f.client.email } },
    }),
    renewMagicLink: async () => ({
      mode: 'once',
      note: 'sends mail; 5 per email per 15 min',
      call: { method: 'POST', path: '/api/portal/magic-link/renew', host: 'portal', body: { token: await f.expiredMagicToken() } },
    }),
    redeemMagicLink: async () => ({
      mode: 'pool',
      note: 'single-use links, one client each',
      calls: (await f.magicTokens(POOL / 2)).map((token) => ({
        method: 'POST',
        path: '/api/portal/session',
        host: 'portal',
        body: { token },
      })),
    }),
    getClientMe: async () => ({ mode: 'load', calls: [{ method: 'GET', path: '/api/portal/me', host: 'portal', session: 'client' }] }),
    listClientGalleries: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: '/api/portal/galleries', host: 'portal', session: 'client' }],
    }),
    listStudioGalleries: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: '/api/studio/galleries', host: 'dashboard', session: 'studio' }],
    }),
    createGallery: async () => ({
      mode: 'pool',
      note: 'each creates a draft gallery',
      calls: range(POOL).map((i) => ({
        method: 'POST',
        path: '/api/studio/galleries',
        host: 'dashboard',
        session: 'studio',
        body: { clientId: f.otherClient.clientId, title: `Bench draft ${i}`, shootDate: '2026-11-02', tags: ['bench'] },
      })),
    }),
    getStudioGallery: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: g(proof.galleryId), host: 'dashboard', session: 'studio' }],
    }),
    updateGallery: async () => ({
      mode: 'load',
      note: 'same title again',
      calls: [{ method: 'PATCH', path: g(proof.galleryId), host: 'dashboard', session: 'studio', body: { title: 'Wedding day — proofs' } }],
    }),
    createUpload: async () => ({
      mode: 'pool',
      note: '10 files of 5 MB per call (presigned PUTs)',
      calls: range(POOL).map((i) => ({
        method: 'POST',
        path: `${g(scratch.galleryId)}/uploads`,
        host: 'dashboard',
        session: 'studio',
        body: { files: range(10).map((j) => ({ fileName: `UP_${i}_${j}.jpg`, contentType: 'image/jpeg', size: 5_000_000 })) },
      })),
    }),
    completeUpload: async () => ({
      mode: 'load',
      note: 'on images already processed (idempotent)',
      calls: scratch.imageIds.map((imageId) => ({
        method: 'POST',
        path: `${g(scratch.galleryId)}/uploads/${imageId}/complete`,
        host: 'dashboard',
        session: 'studio',
        body: {},
      })),
    }),
    deleteImage: async () => ({
      mode: 'pool',
      note: 'each removes one image',
      calls: (await f.addImages(scratch.galleryId, POOL)).map((imageId) => ({
        method: 'DELETE',
        path: `${g(scratch.galleryId)}/images/${imageId}`,
        host: 'dashboard',
        session: 'studio',
      })),
    }),
    listSubmissions: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: `${g(f.confirmedGallery.galleryId)}/submissions`, host: 'dashboard', session: 'studio' }],
    }),
    exportSubmission: async () => ({
      mode: 'load',
      calls: [
        {
          method: 'GET',
          path: `${g(f.confirmedGallery.galleryId)}/submissions/${f.confirmedGallery.submissionId}/csv`,
          host: 'dashboard',
          session: 'studio',
        },
      ],
    }),
    getClientGallery: async () => ({
      mode: 'load',
      note: `${proof.imageIds.length} images`,
      calls: [{ method: 'GET', path: p(proof.galleryId), host: 'portal', session: 'client' }],
    }),
    getPortalHome: async () => ({
      mode: 'load',
      note: `${f.projectIds.length} projects, 4 galleries`,
      calls: [{ method: 'GET', path: '/api/portal/home', host: 'portal', session: 'client' }],
    }),
    getClientProject: async () => ({
      mode: 'load',
      note: '6 milestones, activity',
      calls: f.projectIds.map((id) => ({ method: 'GET', path: `/api/portal/projects/${id}`, host: 'portal', session: 'client' })),
    }),
    listProjects: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: '/api/studio/projects', host: 'dashboard', session: 'studio' }],
    }),
    getStudioProject: async () => ({
      mode: 'load',
      calls: f.projectIds.map((id) => ({ method: 'GET', path: `/api/studio/projects/${id}`, host: 'dashboard', session: 'studio' })),
    }),
    setFavourite: async () => ({ mode: 'load', note: 'on/off on 50 images', calls: toggles('favourite', 'favourite') }),
    setSelection: async () => ({ mode: 'load', note: 'on/off on 50 images', calls: toggles('selection', 'selected') }),
    listComments: async () => {
      const imageId = proof.imageIds[0] as string;
      for (const text of ['Lovely light here', 'Could this one be a little warmer?', 'Our favourite!'])
        await addClientImageComment(f.studio, f.client, proof.galleryId, imageId, { text });
      return {
        mode: 'load',
        note: '3 comments',
        calls: [{ method: 'GET', path: `${p(proof.galleryId)}/images/${imageId}/comments`, host: 'portal', session: 'client' }],
      };
    },
    addComment: async () => ({
      mode: 'pool',
      note: 'each adds a comment',
      calls: range(POOL).map((i) => ({
        method: 'POST',
        path: `${p(scratch.galleryId)}/images/${scratch.imageIds[i % scratch.imageIds.length]}/comments`,
        host: 'portal',
        session: 'client',
        body: { text: `Comment ${i}: could this be a touch brighter?` },
      })),
    }),
    confirmSelection: async () => ({
      mode: 'once',
      note: 'locks the selection, mails the studio',
      call: { method: 'POST', path: `${p(f.unconfirmedGallery.galleryId)}/confirm`, host: 'portal', session: 'client' },
    }),
    downloadImage: async () => ({
      mode: 'load',
      note: 'presigned link, download counted',
      calls: proof.imageIds
        .slice(0, 50)
        .map((imageId) => ({ method: 'GET', path: `${p(proof.galleryId)}/images/${imageId}/download`, host: 'portal', session: 'client' })),
    }),
    requestGalleryZip: async () => {
      await putSelectedFiles(f);
      return {
        mode: 'once',
        note: 'starts the ZIP worker',
        call: { method: 'POST', path: `${p(proof.galleryId)}/zip`, host: 'portal', session: 'client', body: { scope: 'selected' } },
      };
    },
    getGalleryZip: async () => {
      await putSelectedFiles(f);
      const job = await startGalleryZip(f.studio, f.client, proof.galleryId, 'selected');
      await backgroundIdle();
      return {
        mode: 'load',
        note: 'a finished ZIP',
        calls: [{ method: 'GET', path: `${p(proof.galleryId)}/zip/${job.jobId}`, host: 'portal', session: 'client' }],
      };
    },
    createShareLink: async () => ({
      mode: 'pool',
      note: 'each creates a link',
      calls: range(POOL).map(() => ({
        method: 'POST',
        path: `${g(scratch.galleryId)}/share-links`,
        host: 'dashboard',
        session: 'studio',
        body: { access: 'view' },
      })),
    }),
    listShareLinks: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: `${g(proof.galleryId)}/share-links`, host: 'dashboard', session: 'studio' }],
    }),
    revokeShareLink: async () => {
      const links = await Promise.all(range(POOL).map(() => createShareLink(f.studio, scratch.galleryId, { access: 'view' })));
      return {
        mode: 'pool',
        note: 'each revokes a link',
        calls: links.map((link) => ({
          method: 'DELETE',
          path: `${g(scratch.galleryId)}/share-links/${link.linkId}`,
          host: 'dashboard',
          session: 'studio',
        })),
      };
    },
    getGalleryActivity: async () => ({
      mode: 'load',
      calls: [{ method: 'GET', path: `${g(proof.galleryId)}/activity`, host: 'dashboard', session: 'studio' }],
    }),
    openSharedGallery: async () => ({
      mode: 'load',
      note: `${proof.imageIds.length} images, use counted`,
      calls: [{ method: 'POST', path: '/api/share/gallery', host: 'portal', body: { token: f.viewShareToken } }],
    }),
    downloadSharedImage: async () => ({
      mode: 'load',
      note: 'use counted',
      calls: proof.imageIds.slice(0, 50).map((imageId) => ({
        method: 'POST',
        path: '/api/share/download',
        host: 'portal',
        body: { token: f.downloadShareToken, imageId },
      })),
    }),
  };
}

/**
 * Small stand-ins for the web-size files of the client's picks, so the ZIP worker finds them.
 * Only derived files: an object under originals/ would start the image pipeline on it.
 */
async function putSelectedFiles(f: Fixtures): Promise<void> {
  const { studioId } = f.studio;
  const { galleryId, imageIds } = f.proofGallery;
  await Promise.all(
    imageIds
      .slice(0, 10)
      .map((imageId) =>
        putObject(objects.derived(studioId, galleryId, imageId, 'preview', 'jpg'), Buffer.from(`preview ${imageId}`), 'image/jpeg'),
      ),
  );
}

export const hostOf = (call: Call, port: number) => (call.host === 'dashboard' ? `localhost:${port}` : `${SLUG}.localhost:${port}`);

/** The raw HTTP request a browser on the right host would send. */
export function toHttp(
  call: Call,
  f: Fixtures,
  port: number,
): { method: string; path: string; headers: Record<string, string>; body?: string } {
  const host = hostOf(call, port);
  const headers: Record<string, string> = { host, 'user-agent': 'portico-bench' };
  const cookies = { ...call.cookies, ...(call.session ? { portico_session: f.sessions[call.session].accessToken } : {}) };
  if (Object.keys(cookies).length)
    headers.cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  let body: string | undefined;
  if (call.method !== 'GET') headers.origin = `http://${host}`;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  return { method: call.method, path: call.path, headers, body };
}
