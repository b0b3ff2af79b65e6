// What each Lambda's first request is in bench/lambdas.ts: a tenant seeded in the local services,
// and per function one realistic invocation: an API Gateway HTTP API payload 2.0 event (with the
// JWT claims the authorizer would pass) or the S3 event the object-event handlers receive.
import { randomUUID } from 'node:crypto';
import { demoPhoto } from '../../local/demo-images.ts';
import { BUCKET_NAME } from '../../local/services/constants.ts';
import { createUser } from '../../shared/adapters/identity.ts';
import { putObject } from '../../shared/adapters/storage.ts';
import { encodeS3EventKey } from '../../shared/created-objects.ts';
import { objects, PREFIX } from '../../shared/data/objects.ts';
import { objectEvents } from '../../shared/events.ts';
import { clientUsername, createClient } from '../../shared/features/clients/domain/clients.ts';
import { createGallery } from '../../shared/features/galleries/domain/galleries.ts';
import { newImageRecord, putImage } from '../../shared/features/galleries/index.ts';
import { createStudio } from '../../shared/features/studios/domain/studios.ts';
import type { RouteDef } from '../../shared/routes.ts';

export interface SeededTenant {
  slug: string;
  studioId: string;
  ownerSub: string;
  clientId: string;
  galleryId: string;
  /** An original under originals/ whose record waits for the image pipeline. */
  originalKey: string;
  originalBytes: number;
}

export interface Invocation {
  event: unknown;
  /** The Lambda context's plain fields (cold-start.ts adds its methods). */
  context: Record<string, unknown>;
  memorySize: number;
}

const DASHBOARD_HOST = 'localhost';

/** One studio with its owner, a client, a proofing gallery, and one real original for the pipeline. */
export async function seedTenant(): Promise<SeededTenant> {
  const slug = 'coldstart';
  const ownerEmail = 'owner@coldstart.example';
  const ownerSub = await createUser('studio', ownerEmail, ownerEmail, 'Cold-start-owner-1');
  const { studio } = await createStudio({ name: 'Cold Start', slug, owner: { userId: ownerSub, email: ownerEmail, name: 'Owner' } });
  const client = await createClient(studio.studioId, { email: 'client@coldstart.example', name: 'Client' });
  const gallery = await createGallery({
    studioId: studio.studioId,
    clientId: client.clientId,
    projectId: null,
    title: 'Cold start',
    status: 'proofing',
    shootDate: '2026-10-17',
    deadline: '2099-01-01',
    imageCount: 1,
    coverThumbKey: null,
  });
  const imageId = randomUUID();
  const originalKey = objects.original(studio.studioId, gallery.galleryId, imageId);
  const photo = await demoPhoto(1, 'cold start', {
    takenAt: new Date('2026-10-17T13:30:00Z'),
    make: 'Canon',
    model: 'Canon EOS R5',
    portrait: false,
  });
  await putImage(
    newImageRecord({
      imageId,
      galleryId: gallery.galleryId,
      studioId: studio.studioId,
      fileName: 'COLD_0001.jpg',
      contentType: 'image/jpeg',
      size: photo.length,
      originalKey,
      position: 0,
      status: 'processing',
    }),
  );
  // Stored without an object-created hook: only the benchmarked processImage ever processes it.
  await putObject(originalKey, photo, 'image/jpeg');
  return {
    slug,
    studioId: studio.studioId,
    ownerSub,
    clientId: client.clientId,
    galleryId: gallery.galleryId,
    originalKey,
    originalBytes: photo.length,
  };
}

function lambdaContext(name: string, memorySize: number, requestId: string): Record<string, unknown> {
  return {
    functionName: `portico-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:000000000000:function:portico-${name}`,
    memoryLimitInMB: String(memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/portico-${name}`,
    logStreamName: 'bench',
    callbackWaitsForEmptyEventLoop: true,
  };
}

/**
 * The route's request as API Gateway hands it over: on the route's host, signed in when the route
 * needs it (claims as the JWT authorizer passes them), the seeded gallery as `galleryId` and fresh
 * ids for the rest, and an empty JSON object as the body (a real validation answer where the route
 * needs fields).
 */
export function routeInvocation(route: RouteDef, tenant: SeededTenant): Invocation {
  const requestId = randomUUID();
  const host = route.host === 'portal' ? `${tenant.slug}.${DASHBOARD_HOST}` : DASHBOARD_HOST;
  const params: Record<string, string> = {};
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    params[name] = name === 'galleryId' ? tenant.galleryId : randomUUID();
    return params[name];
  });
  const now = new Date();
  const claims =
    route.auth === 'studio'
      ? { sub: tenant.ownerSub, username: tenant.ownerSub, token_use: 'access' }
      : route.auth === 'client'
        ? { sub: randomUUID(), username: clientUsername(tenant.studioId, tenant.clientId), token_use: 'access' }
        : undefined;
  const withBody = route.method !== 'GET' && route.method !== 'DELETE';
  const event = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: '',
    headers: {
      host,
      'x-portico-host': host,
      accept: 'application/json',
      'user-agent': 'Mozilla/5.0 (bench)',
      ...(withBody ? { 'content-type': 'application/json', origin: `http://${host}` } : {}),
    },
    pathParameters: Object.keys(params).length ? params : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: host,
      domainPrefix: 'bench',
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)' },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: claims
        ? {
            principalId: '',
            integrationLatency: 0,
            jwt: {
              claims: { ...claims, iat: String(Math.floor(now.getTime() / 1000)), exp: String(Math.floor(now.getTime() / 1000) + 3600) },
              scopes: null,
            },
          }
        : undefined,
    },
    body: withBody ? '{}' : undefined,
    isBase64Encoded: false,
  };
  return { event, context: lambdaContext(route.id, 512, requestId), memorySize: 512 };
}

/** The S3 event notification for a new object: the seeded original for the pipeline, a job manifest for the ZIP worker. */
export function eventInvocation(id: string, tenant: SeededTenant): Invocation {
  const def = objectEvents[id as keyof typeof objectEvents];
  // The ZIP worker's manifest does not exist: its first request is the read that finds that out.
  const [key, size] = id === 'processImage' ? [tenant.originalKey, tenant.originalBytes] : [`${PREFIX.zipJobs}${randomUUID()}.json`, 200];
  const requestId = randomUUID();
  const event = {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-1',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: BUCKET_NAME, arn: `arn:aws:s3:::${BUCKET_NAME}` },
          object: { key: encodeS3EventKey(key), size },
        },
      },
    ],
  };
  return { event, context: lambdaContext(id, def.memorySize, requestId), memorySize: def.memorySize };
}
