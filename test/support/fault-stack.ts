// A Portico of its own, in this test process, whose DynamoDB and S3 a test may stop and start
// again (fault injection). The suite's shared stack runs in another process and cannot be stopped
// from here; this one can. Start it before anything calls db() or s3(): the shared modules create
// their SDK clients on first use and keep them, so the first use must already see this stack's
// environment (startPorticoStack merges it into process.env). Vitest runs each test file in its
// own worker process, so that environment does not leak into other files.
import { expect } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { freePort } from '../../local/services/ports.ts';
import { type PorticoStack, startPorticoStack } from '../../local/stack.ts';
import { logger } from '../../shared/logger.ts';
import type { Answer } from './http.ts';
import { Browser, signUpAndSignIn } from './http.ts';

export async function startFaultStack(): Promise<PorticoStack> {
  // Every fault makes the handlers warn about the dependency they lost; a 500 (an error) still shows.
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  logger.setLogLevel('ERROR');
  const stack = await startPorticoStack({ port: await freePort() });
  // The demo studio's owner, signed up through the API (the full demo seed would run the image
  // pipeline on two dozen photos, which no fault test needs).
  const signedUp = await signUpAndSignIn(new Browser(stack.port), {
    studioName: DEMO.studio.name,
    slug: DEMO.studio.slug,
    name: DEMO.owner.name,
    email: DEMO.owner.email,
    password: DEMO.owner.password,
  });
  expect(signedUp.status, signedUp.text).toBe(200);
  return stack;
}

/** Fails with a clear message instead of hanging when a request gets no answer in time. */
export function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A retryable refusal: 503, the `unavailable` code, and a Retry-After the client can honour. */
export function expectRetryable(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text}`).toBe(503);
  expect(answer.body?.error, what).toBe('unavailable');
  expect(Number(answer.headers['retry-after']), what).toBeGreaterThan(0);
}
