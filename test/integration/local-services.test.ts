// The local AWS stand-ins behave like the real services where Portico relies on them. This file
// starts its own throwaway set (the suite's global stack runs separately) and talks to it only
// through what the handlers use: the AWS SDK configured by `services.env`.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ListEmailTemplatesCommand, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJwtAuthorizer, type LocalServices, startLocalServices } from '../../local/services/index.ts';
import { signWithCognitoLocalKey } from '../support/tokens.ts';

let services: LocalServices;
let ddb: DynamoDBDocumentClient;
let s3: S3Client;
let cognito: CognitoIdentityProviderClient;
let ses: SESv2Client;

beforeAll(async () => {
  const started = performance.now();
  services = await startLocalServices();
  console.log(`startLocalServices() cold start: ${Math.round(performance.now() - started)} ms`);
  // The suite's global setup already exported the shared stack's env; point this file at its own.
  for (const [name, value] of Object.entries(services.env)) vi.stubEnv(name, value);
  // No endpoint anywhere: the SDK must find the local services through AWS_ENDPOINT_URL_<SERVICE>.
  ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 1 }));
  // Checksums only when required, as shared/adapters/storage.ts: presigned PUTs carry no CRC32 of an empty body.
  s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true', requestChecksumCalculation: 'WHEN_REQUIRED' });
  cognito = new CognitoIdentityProviderClient({});
  ses = new SESv2Client({});
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await services?.stop();
}, 30_000);

const TABLE = () => services.env.TABLE_NAME!;
const BUCKET = () => services.env.BUCKET_NAME!;

describe('environment', () => {
  it('hands out every variable the handlers read', () => {
    for (const name of [
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_ENDPOINT_URL_DYNAMODB',
      'AWS_ENDPOINT_URL_S3',
      'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
      'AWS_ENDPOINT_URL_SESV2',
      'S3_FORCE_PATH_STYLE',
      'TABLE_NAME',
      'BUCKET_NAME',
      'STUDIO_POOL_ID',
      'STUDIO_POOL_CLIENT_ID',
      'CLIENT_POOL_ID',
      'CLIENT_POOL_CLIENT_ID',
    ]) {
      expect(services.env[name], name).toBeTruthy();
    }
    expect(services.env.AWS_REGION).toBe('eu-west-1');
    for (const url of Object.values(services.endpoints)) expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/);
  });

  it('SDK clients without an endpoint resolve to the local services', async () => {
    // Each client reads AWS_ENDPOINT_URL_<SERVICE> at its first call; record where requests went.
    const dynamo = new DynamoDBClient({});
    const seen = {
      dynamodb: recordHosts(dynamo),
      s3: recordHosts(s3),
      cognito: recordHosts(cognito),
      ses: recordHosts(ses),
    };
    await dynamo.send(new DescribeTableCommand({ TableName: TABLE() }));
    await s3.send(new HeadBucketCommand({ Bucket: BUCKET() }));
    const pool = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: services.pools.studio.poolId }));
    await ses.send(new ListEmailTemplatesCommand({}));
    for (const [name, hosts] of Object.entries(seen)) {
      expect(hosts[0], name).toBe(services.endpoints[name as keyof typeof services.endpoints]);
    }
    expect(pool.UserPool?.Name).toBe('portico-studio');
    // Plain usernames (Portico passes lowercase emails and opaque ids), not cognito-local's email default.
    expect(pool.UserPool?.UsernameAttributes ?? []).toEqual([]);
    // Presigned URLs are path-style on the same host the browser reaches.
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET(), Key: 'x' }), { expiresIn: 60 });
    expect(url.startsWith(`${services.endpoints.s3}/${BUCKET()}/x?`)).toBe(true);
  });
});

describe('DynamoDB Local', () => {
  it('has the Portico table with GSI1 and TTL', async () => {
    const client = new DynamoDBClient({});
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE() }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const gsi = Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === 'GSI1');
    expect(gsi?.Projection?.ProjectionType).toBe('ALL');
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: TABLE() }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
  });

  it('rolls back a whole transaction when one condition fails', async () => {
    await ddb.send(new PutCommand({ TableName: TABLE(), Item: { PK: 'TX#1', SK: 'B', v: 'existing' } }));
    const attempt = ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: TABLE(), Item: { PK: 'TX#1', SK: 'A', v: 'new' } } },
          {
            Put: {
              TableName: TABLE(),
              Item: { PK: 'TX#1', SK: 'B', v: 'overwritten' },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    const a = await ddb.send(new GetCommand({ TableName: TABLE(), Key: { PK: 'TX#1', SK: 'A' } }));
    const b = await ddb.send(new GetCommand({ TableName: TABLE(), Key: { PK: 'TX#1', SK: 'B' } }));
    expect(a.Item).toBeUndefined();
    expect(b.Item?.v).toBe('existing');
  });

  it('queries GSI1', async () => {
    for (const [id, date] of [
      ['g1', '2024-03-01'],
      ['g2', '2024-01-15'],
      ['g3', '2024-02-10'],
    ] as const) {
      await ddb.send(
        new PutCommand({
          TableName: TABLE(),
          Item: { PK: `GALLERY#${id}`, SK: 'META', GSI1PK: 'CLIENT#c1', GSI1SK: `GALLERY#${date}#${id}` },
        }),
      );
    }
    await ddb.send(
      new PutCommand({ TableName: TABLE(), Item: { PK: 'GALLERY#g4', SK: 'META', GSI1PK: 'CLIENT#c2', GSI1SK: 'GALLERY#x' } }),
    );
    const out = await ddb.send(
      new QueryCommand({
        TableName: TABLE(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':pk': 'CLIENT#c1', ':prefix': 'GALLERY#' },
        ScanIndexForward: false,
      }),
    );
    expect(out.Items?.map((i) => i.PK)).toEqual(['GALLERY#g1', 'GALLERY#g3', 'GALLERY#g2']);
  });

  it('survives stopService/startService with its data, on the same endpoint', async () => {
    await ddb.send(new PutCommand({ TableName: TABLE(), Item: { PK: 'RESTART#1', SK: 'A', v: 42 } }));
    await services.stopService('dynamodb');
    await expect(ddb.send(new GetCommand({ TableName: TABLE(), Key: { PK: 'RESTART#1', SK: 'A' } }))).rejects.toThrow();
    await services.startService('dynamodb');
    const out = await ddb.send(new GetCommand({ TableName: TABLE(), Key: { PK: 'RESTART#1', SK: 'A' } }));
    expect(out.Item?.v).toBe(42);
  });
});

describe('S3 (s3rver)', () => {
  it('round-trips bytes through a presigned PUT and a presigned GET', async () => {
    const key = 'uploads/round-trip.bin';
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET(), Key: key, ContentType: 'image/jpeg' }), {
      expiresIn: 300,
    });
    const put = await fetch(putUrl, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: bytes });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET(), Key: key }), { expiresIn: 300 });
    const get = await fetch(getUrl);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);
  });

  it('refuses an expired presigned URL', async () => {
    const key = 'uploads/expired.txt';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET(), Key: key, Body: 'secret' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET(), Key: key }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
  });

  it('answers a browser preflight from a studio portal origin and exposes ETag', async () => {
    const origin = 'http://acme.localhost:3000';
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET(), Key: 'uploads/cors.jpg', ContentType: 'image/jpeg' }), {
      expiresIn: 300,
    });
    const preflight = await fetch(putUrl, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const put = await fetch(putUrl, { method: 'PUT', headers: { Origin: origin, 'Content-Type': 'image/jpeg' }, body: 'jpg' });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('survives stopService/startService with its objects', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET(), Key: 'restart/kept.txt', Body: 'still here' }));
    await services.stopService('s3');
    await expect(fetch(`${services.endpoints.s3}/${BUCKET()}/restart/kept.txt`)).rejects.toThrow();
    await services.startService('s3');
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET(), Key: 'restart/kept.txt' }));
    expect(await out.Body?.transformToString()).toBe('still here');
  });
});

describe('Cognito (cognito-local) and the local JWT authorizer', () => {
  const password = 'Correct-horse-9';
  let tokens: { AccessToken: string; IdToken: string; RefreshToken: string };

  async function createUser(pool: 'studio' | 'client', username: string, email: string) {
    const { poolId } = services.pools[pool];
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
    return created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  }

  const signIn = (pool: 'studio' | 'client', username: string, pw = password) =>
    cognito.send(
      new AdminInitiateAuthCommand({
        UserPoolId: services.pools[pool].poolId,
        ClientId: services.pools[pool].clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: pw },
      }),
    );

  let sub: string | undefined;
  beforeAll(async () => {
    sub = await createUser('studio', 'owner@studio.test', 'owner@studio.test');
    const out = await signIn('studio', 'owner@studio.test');
    const r = out.AuthenticationResult;
    tokens = { AccessToken: r?.AccessToken ?? '', IdToken: r?.IdToken ?? '', RefreshToken: r?.RefreshToken ?? '' };
  });

  it('issues access, id and refresh tokens through ADMIN_USER_PASSWORD_AUTH', () => {
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens.AccessToken.split('.')).toHaveLength(3);
    expect(tokens.IdToken.split('.')).toHaveLength(3);
    expect(tokens.RefreshToken).toBeTruthy();
  });

  it('access tokens verify and carry sub, username, client_id, token_use as strings', async () => {
    const claims = await createJwtAuthorizer(services.pools.studio)(`Bearer ${tokens.AccessToken}`);
    expect(claims).toMatchObject({
      sub,
      username: 'owner@studio.test',
      client_id: services.pools.studio.clientId,
      token_use: 'access',
      iss: services.pools.studio.issuer,
    });
    expect(claims?.exp).toMatch(/^\d+$/);
    // Access token validity is the app client's 1 hour.
    expect(Number(claims?.exp) - Number(claims?.iat)).toBe(3600);
  });

  it('id tokens verify through aud; the bare token (no "Bearer") works too', async () => {
    const claims = await createJwtAuthorizer(services.pools.studio)(tokens.IdToken);
    expect(claims).toMatchObject({
      aud: services.pools.studio.clientId,
      token_use: 'id',
      'cognito:username': 'owner@studio.test',
      email: 'owner@studio.test',
      email_verified: 'true',
    });
  });

  it('refuses tampered tokens, tokens of the other pool, refresh tokens and a missing header', async () => {
    const studio = createJwtAuthorizer(services.pools.studio);
    const [header, payload, signature] = tokens.AccessToken.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), username: 'someone-else' }),
    ).toString('base64url');
    expect(await studio(`Bearer ${header}.${forged}.${signature}`)).toBeNull();
    expect(await createJwtAuthorizer(services.pools.client)(`Bearer ${tokens.AccessToken}`)).toBeNull();
    expect(await createJwtAuthorizer(services.pools.client)(`Bearer ${tokens.IdToken}`)).toBeNull();
    // cognito-local's refresh token is a JWT signed with the same key; it has no client_id.
    expect(await studio(`Bearer ${tokens.RefreshToken}`)).toBeNull();
    expect(await studio(undefined)).toBeNull();
    expect(await studio('Bearer ')).toBeNull();
  });

  it('checks exp, nbf, iss, client_id and token_use like API Gateway (hand-signed tokens)', async () => {
    const pool = services.pools.client;
    const authorize = createJwtAuthorizer(pool);
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: 'u1', username: 'c_1', client_id: pool.clientId, token_use: 'access', iss: pool.issuer, iat: now, exp: now + 600 };
    expect(await authorize(signWithCognitoLocalKey({ ...base, 'cognito:groups': ['a', 'b'] }))).toMatchObject({
      sub: 'u1',
      exp: String(now + 600),
      'cognito:groups': '[a b]',
    });
    expect(await authorize(signWithCognitoLocalKey({ ...base, exp: now - 10 }))).toBeNull();
    expect(await authorize(signWithCognitoLocalKey({ ...base, exp: undefined }))).toBeNull();
    expect(await authorize(signWithCognitoLocalKey({ ...base, nbf: now + 600 }))).toBeNull();
    expect(await authorize(signWithCognitoLocalKey({ ...base, iss: services.pools.studio.issuer }))).toBeNull();
    expect(await authorize(signWithCognitoLocalKey({ ...base, client_id: 'another-client' }))).toBeNull();
    expect(await authorize(signWithCognitoLocalKey({ ...base, token_use: 'refresh' }))).toBeNull();
    // With aud present, aud decides (API Gateway ignores client_id then).
    expect(await authorize(signWithCognitoLocalKey({ ...base, token_use: 'id', aud: 'another-client' }))).toBeNull();
    expect(await authorize(signWithCognitoLocalKey({ ...base, token_use: 'id', aud: pool.clientId, client_id: 'x' }))).not.toBeNull();
  });

  it('refreshes with REFRESH_TOKEN_AUTH, and RevokeToken ends that', async () => {
    const refresh = () =>
      cognito.send(
        new AdminInitiateAuthCommand({
          UserPoolId: services.pools.studio.poolId,
          ClientId: services.pools.studio.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
        }),
      );
    const out = await refresh();
    expect(out.AuthenticationResult?.RefreshToken).toBeUndefined(); // no rotation, as in AWS
    expect(await createJwtAuthorizer(services.pools.studio)(out.AuthenticationResult?.AccessToken)).toMatchObject({ sub });
    await cognito.send(new RevokeTokenCommand({ ClientId: services.pools.studio.clientId, Token: tokens.RefreshToken }));
    await expect(refresh()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('keeps the pools apart: a studio user cannot sign in through the client pool', async () => {
    await expect(signIn('client', 'owner@studio.test')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  // Pinned so nobody relies on them locally; AWS behaves differently (see the comments).
  it('differs from AWS in these known ways', async () => {
    // AWS: NotAuthorizedException "Incorrect username or password."
    await expect(signIn('studio', 'owner@studio.test', 'wrong-password')).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    // AWS: unknown users give NotAuthorizedException (UserNotFoundException without PreventUserExistenceErrors).
    await expect(signIn('studio', 'nobody@studio.test')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    // AWS: NotAuthorizedException "User is disabled." cognito-local ignores the flag when signing in.
    await createUser('client', 'c_disabled', 'disabled@client.test');
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: services.pools.client.poolId, Username: 'c_disabled' }));
    const disabled = await signIn('client', 'c_disabled');
    expect(disabled.AuthenticationResult?.AccessToken).toBeTruthy();
    // AWS returns ExpiresIn 3600 and TokenType "Bearer"; cognito-local leaves both out.
    expect(disabled.AuthenticationResult?.ExpiresIn).toBeUndefined();
  });
});

describe('SES (aws-ses-v2-local)', () => {
  it('catches SendEmail with text and html, newest first, and clears', async () => {
    await services.mailbox.clear();
    for (const n of [1, 2]) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: '"Acme Studio" <no-reply@portico.localhost>',
          Destination: { ToAddresses: [`client${n}@example.test`] },
          Content: {
            Simple: {
              Subject: { Data: `Your gallery ${n}`, Charset: 'UTF-8' },
              Body: { Text: { Data: `Open ${n}`, Charset: 'UTF-8' }, Html: { Data: `<p>Open ${n}</p>`, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    }
    const mails = await services.mailbox.list();
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatchObject({
      to: ['client2@example.test'],
      from: '"Acme Studio" <no-reply@portico.localhost>',
      subject: 'Your gallery 2',
      text: 'Open 2',
      html: '<p>Open 2</p>',
    });
    expect(Date.parse(mails[0]!.date)).toBeGreaterThan(Date.now() - 60_000);
    expect(mails[1]?.subject).toBe('Your gallery 1');
    await services.mailbox.clear();
    expect(await services.mailbox.list()).toEqual([]);
  });
});

describe('persistent data dir', () => {
  it('keeps table data, objects and pool ids across full restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-persist-'));
    try {
      const first = await startLocalServices({ dataDir });
      const firstDdb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: first.endpoints.dynamodb }));
      await firstDdb.send(new PutCommand({ TableName: TABLE(), Item: { PK: 'PERSIST#1', SK: 'A' } }));
      const firstS3 = new S3Client({ endpoint: first.endpoints.s3, forcePathStyle: true });
      await firstS3.send(new PutObjectCommand({ Bucket: BUCKET(), Key: 'persist/kept.txt', Body: 'kept' }));
      await first.stop();
      const second = await startLocalServices({ dataDir });
      try {
        expect(second.pools.studio.poolId).toBe(first.pools.studio.poolId);
        expect(second.pools.client.clientId).toBe(first.pools.client.clientId);
        const secondDdb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: second.endpoints.dynamodb }));
        const out = await secondDdb.send(new GetCommand({ TableName: TABLE(), Key: { PK: 'PERSIST#1', SK: 'A' } }));
        expect(out.Item).toBeDefined();
        const secondS3 = new S3Client({ endpoint: second.endpoints.s3, forcePathStyle: true });
        const object = await secondS3.send(new GetObjectCommand({ Bucket: BUCKET(), Key: 'persist/kept.txt' }));
        expect(await object.Body?.transformToString()).toBe('kept');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('child processes', () => {
  // A separate Node process starts the services, then dies in various ways; none of its
  // children (DynamoDB Local's JVM, cognito-local, the reaper) may outlive it.
  const indexUrl = new URL('../../local/services/index.ts', import.meta.url).href;
  const script = `
    import { startLocalServices } from ${JSON.stringify(indexUrl)};
    await startLocalServices();
    console.log('ready');
    process.stdin.on('data', () => process.exit(0));
  `;

  async function runAndEnd(end: 'exit' | NodeJS.Signals): Promise<{ children: number[]; alive: number[] }> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`helper exited early (${code})`)));
    });
    const children = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (end === 'exit') child.stdin.write('bye\n');
    else child.kill(end);
    await exited;
    const deadline = Date.now() + 10_000;
    let alive = children;
    while (alive.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      alive = alive.filter(isAlive);
    }
    return { children, alive };
  }

  // One at a time: four JVMs at once on a 2-core machine starve each other.
  it.each(['exit', 'SIGINT', 'SIGTERM', 'SIGKILL'] as const)(
    'none survive the parent ending by %s',
    async (end) => {
      const { children, alive } = await runAndEnd(end);
      expect(children.length).toBeGreaterThanOrEqual(2); // java and cognito-local (and the reaper, once spawned)
      expect(alive).toEqual([]);
    },
    60_000,
  );
});

/** Records "<scheme>//<host>:<port>" of every request the client sends. */
function recordHosts(client: { middlewareStack: { add(middleware: any, options: { step: 'finalizeRequest' }): void } }): string[] {
  const hosts: string[] = [];
  client.middlewareStack.add(
    (next: (args: any) => Promise<unknown>) => async (args: { request: { protocol: string; hostname: string; port?: number } }) => {
      hosts.push(`${args.request.protocol}//${args.request.hostname}:${args.request.port}`);
      return next(args);
    },
    { step: 'finalizeRequest' },
  );
  return hosts;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie (exited, not yet reaped by init) still answers signal 0 but is gone for our purposes.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return true; // no /proc (macOS): trust signal 0
  }
}
