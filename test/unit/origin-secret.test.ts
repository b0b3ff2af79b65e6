// The origin check of shared/http/origin.ts, on the health route's real handler, against the local
// Secrets Manager stand-in: required only when ORIGIN_SECRET_ID is set, a failed read retried on the
// next request (never cached), and Secrets Manager out of reach a retryable 503, never a 500.
import type { Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/platform/getHealth.ts';
import { freePort } from '../../local/services/ports.ts';
import { type LocalSecrets, startLocalSecrets } from '../../local/services/secrets.ts';
import type { ApiEvent } from '../../shared/http/wrapper.ts';
import { ORIGIN_SECRET_HEADER } from '../../shared/origin-header.ts';

const VARS = ['ORIGIN_SECRET_ID', 'AWS_ENDPOINT_URL_SECRETS_MANAGER', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'];
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
let secrets: LocalSecrets;

const event = (headers: Record<string, string> = {}): ApiEvent =>
  ({
    version: '2.0',
    rawPath: '/api/health',
    headers: { host: 'localhost', ...headers },
    requestContext: { http: { method: 'GET', path: '/api/health', sourceIp: '127.0.0.1' }, requestId: 'r' },
    isBase64Encoded: false,
  }) as unknown as ApiEvent;
const context = { functionName: 'getHealth', awsRequestId: 'r', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const call = async (headers?: Record<string, string>) => {
  const result = await handler(event(headers), context);
  return { status: result.statusCode, error: result.body ? JSON.parse(result.body).error : undefined };
};

beforeAll(async () => {
  secrets = await startLocalSecrets();
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'eu-west-1' });
});
afterEach(() => {
  delete process.env.ORIGIN_SECRET_ID;
  delete process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
});
afterAll(async () => {
  await secrets.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('the origin check', () => {
  it('requires nothing when no origin secret is configured (the local stack)', async () => {
    expect(await call()).toEqual({ status: 200, error: undefined });
  });

  it('refuses a request without the secret, answers one with it', async () => {
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
    process.env.ORIGIN_SECRET_ID = secrets.create('unit/origin', 'the-value');
    expect(await call()).toEqual({ status: 403, error: 'direct_access' });
    expect(await call({ [ORIGIN_SECRET_HEADER]: 'the-valu' })).toEqual({ status: 403, error: 'direct_access' });
    expect(await call({ [ORIGIN_SECRET_HEADER]: 'the-value' })).toEqual({ status: 200, error: undefined });
  });

  it('answers 503 while Secrets Manager is out of reach, and reads again on the next request', async () => {
    const value = 'another-value';
    process.env.ORIGIN_SECRET_ID = secrets.create('unit/origin-2', value);
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    expect(await call({ [ORIGIN_SECRET_HEADER]: value })).toEqual({ status: 503, error: 'unavailable' });
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
    expect(await call({ [ORIGIN_SECRET_HEADER]: value })).toEqual({ status: 200, error: undefined });
  });
});
