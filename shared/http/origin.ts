// Only CloudFront may call the API. Its /api/* origin adds ORIGIN_SECRET_HEADER with the value of a
// Secrets Manager secret (infra/stacks/edge-stack.ts); ORIGIN_SECRET_ID names that secret to every
// route's function, which may read it and nothing else of Secrets Manager. A request that went
// straight to the execute-api endpoint has no such header (or a guessed one) and is refused before
// anything else happens. Locally ORIGIN_SECRET_ID is unset and nothing is required.
//
// Rotation without downtime (README, Deploy): the accepted values are the secret's AWSCURRENT and
// AWSPREVIOUS versions, read at cold start and again once ORIGIN_SECRET_CACHE_SECONDS have passed,
// so CloudFront's requests carrying the value before a rotation still pass while the distribution
// takes the new one.
import { createHash, timingSafeEqual } from 'node:crypto';
import { getSecretString } from '../adapters/secrets.ts';
import { config } from '../config.ts';
import { ACCEPTED_STAGES, ORIGIN_SECRET_HEADER } from '../origin-header.ts';
import { forbidden } from './errors.ts';

interface Accepted {
  secretId: string;
  digests: Buffer[];
  readAt: number;
}
let cache: Promise<Accepted> | undefined;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

async function read(secretId: string): Promise<Accepted> {
  const values = await Promise.all(ACCEPTED_STAGES.map((stage) => getSecretString(secretId, stage)));
  const digests = values.filter((v): v is string => typeof v === 'string' && v.length > 0).map(digest);
  if (digests.length === 0) throw new Error(`The origin secret ${secretId} has no value`);
  return { secretId, digests, readAt: Date.now() };
}

async function accepted(secretId: string): Promise<Accepted> {
  const current = cache && (await cache.catch(() => undefined));
  if (current && current.secretId === secretId && Date.now() - current.readAt < config.originSecretCacheSeconds * 1000) return current;
  const next = read(secretId);
  cache = next;
  // A failed read is not kept: the next request tries again.
  next.catch(() => {
    if (cache === next) cache = undefined;
  });
  return next;
}

/** Refuses (403 direct_access) a request that did not come through CloudFront, when the deployment requires it. */
export async function assertThroughEdge(headers: Record<string, string | undefined>): Promise<void> {
  const secretId = config.originSecretId;
  if (!secretId) return;
  const { digests } = await accepted(secretId);
  const sent = headers[ORIGIN_SECRET_HEADER];
  // Compared as digests of equal length, in constant time: the answer's timing tells nothing of the value.
  const ok = sent !== undefined && digests.some((d) => timingSafeEqual(d, digest(sent)));
  if (!ok) throw forbidden('direct_access', 'Call the API through the site, not directly.');
}
