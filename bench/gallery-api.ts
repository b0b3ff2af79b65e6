// The proofing API for a gallery of 2,000 images: DynamoDB requests per call (counted on the SDK
// client), response size (raw and gzip), and latency of the real handler, called through the local
// API Gateway stand-in with a real client session (Cognito token checked by the JWT authorizer).
import { gzipSync } from 'node:zlib';
import { invoke } from '../local/api-gateway.ts';
import { createJwtAuthorizer, startLocalServices } from '../local/services/index.ts';
import type { BenchResult } from './lib.ts';

const IMAGES = 2000;
const RUNS = 15;

export async function run(): Promise<BenchResult[]> {
  const services = await startLocalServices();
  Object.assign(process.env, services.env, {
    PORTAL_DOMAIN: 'localhost',
    PUBLIC_SCHEME: 'http',
    PUBLIC_PORT: '3000',
    MAIL_FROM: 'bench@portico.localhost',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  try {
    const { db } = await import('../shared/data/db.ts');
    const { createUser, issueSession } = await import('../shared/adapters/identity.ts');
    const { createStudio } = await import('../shared/features/studios/domain/studios.ts');
    const { createClient, clientUsername } = await import('../shared/features/clients/domain/clients.ts');
    const { createGallery } = await import('../shared/features/galleries/domain/galleries.ts');
    const { addReadyImages } = await import('./support/ready-images.ts');

    const ownerId = await createUser('studio', 'bench@example.com', 'bench@example.com', 'Bench-owner-1');
    const { studio } = await createStudio({
      name: 'Bench',
      slug: 'bench',
      owner: { userId: ownerId, email: 'bench@example.com', name: 'B' },
    });
    const client = await createClient(studio.studioId, { email: 'client@example.com', name: 'Client' });
    const gallery = await createGallery({
      studioId: studio.studioId,
      clientId: client.clientId,
      projectId: null,
      title: 'Big wedding',
      status: 'proofing',
      shootDate: '2026-10-17',
      deadline: '2099-01-01',
      imageCount: 0,
      coverThumbKey: null,
    });
    await addReadyImages(studio.studioId, gallery.galleryId, IMAGES);

    // Count every request the handler's DynamoDB client sends.
    let dynamoRequests = 0;
    db().middlewareStack.add(
      (next) => async (args) => {
        dynamoRequests++;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'benchCounter' },
    );

    const tokens = await issueSession('client', clientUsername(studio.studioId, client.clientId));
    const authorizers = { studio: createJwtAuthorizer(services.pools.studio), client: createJwtAuthorizer(services.pools.client) };
    const call = () =>
      invoke(
        {
          method: 'GET',
          url: new URL(`http://bench.localhost/api/portal/galleries/${gallery.galleryId}`),
          headers: { host: 'bench.localhost', 'x-portico-host': 'bench.localhost', authorization: `Bearer ${tokens.accessToken}` },
          cookies: [],
          body: Buffer.alloc(0),
          sourceIp: '127.0.0.1',
        },
        authorizers,
      );

    const warm = await call();
    if (warm.status !== 200) throw new Error(`gallery call failed: ${warm.status} ${warm.body.toString().slice(0, 200)}`);
    const images = JSON.parse(warm.body.toString()).images.length;
    if (images !== IMAGES) throw new Error(`expected ${IMAGES} images, got ${images}`);
    const times: number[] = [];
    let requestsPerCall = 0;
    for (let i = 0; i < RUNS; i++) {
      dynamoRequests = 0;
      const t = performance.now();
      const answer = await call();
      times.push(performance.now() - t);
      if (answer.status !== 200) throw new Error(`gallery call failed: ${answer.status}`);
      requestsPerCall = dynamoRequests;
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
    return [
      {
        name: `gallery API (${IMAGES} images): DynamoDB requests per call`,
        value: requestsPerCall,
        unit: 'requests',
        note: 'membership + host + gallery + partition pages + view counter',
      },
      {
        name: `gallery API (${IMAGES} images): response size`,
        value: Math.round(warm.body.length / 1024),
        unit: 'KiB',
        note: `${Math.round(gzipSync(warm.body).length / 1024)} KiB gzip`,
      },
      {
        name: `gallery API (${IMAGES} images): latency p50`,
        value: Math.round(pct(0.5)),
        unit: 'ms',
        note: `p90 ${Math.round(pct(0.9))} ms over ${RUNS} calls, DynamoDB Local`,
      },
    ];
  } finally {
    await services.stop();
  }
}
