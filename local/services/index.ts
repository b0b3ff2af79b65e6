// Local stand-ins for the AWS services Portico uses: DynamoDB Local, s3rver, cognito-local and an
// SES v2 catcher, all on loopback. Handlers need no code changes: `env` points the AWS SDK at them
// through its AWS_ENDPOINT_URL_<SERVICE> variables.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deleteIfOrphaned } from './child.ts';
import { type CognitoService, type PoolInfo, startCognito } from './cognito.ts';
import { BUCKET_NAME, LOCAL_CREDENTIALS, REGION, TABLE_NAME } from './constants.ts';
import { type DynamoService, startDynamo } from './dynamodb.ts';
import { type ObjectCreatedNotice, type S3Service, startS3 } from './s3.ts';
import { type CaughtMail, type SesService, startSes } from './ses.ts';

export type { PoolInfo } from './cognito.ts';
export { createJwtAuthorizer } from './jwt-authorizer.ts';
export type { ObjectCreatedNotice } from './s3.ts';
export type { CaughtMail } from './ses.ts';

export interface LocalServicesOptions {
  /** Folder for persistent data (DynamoDB file, S3 objects, Cognito pools). Undefined = throwaway: temp folders deleted on stop. */
  dataDir?: string;
  /** Fixed ports; any omitted one is picked free automatically. */
  ports?: Partial<{ dynamodb: number; s3: number; cognito: number; ses: number }>;
  /** Forward the services' own logs to stdout (default false: quiet). */
  verbose?: boolean;
  /** The S3 object-created hook: called for every object stored (see local/object-events.ts). */
  onObjectCreated?: (notice: ObjectCreatedNotice) => void;
}

export interface LocalServices {
  /** Every env var the handlers need, ready to merge into process.env. */
  env: Record<string, string>;
  /** The folder the services keep their data in: the one given, or a throwaway run's temp folder (deleted on stop). */
  dataDir: string;
  endpoints: { dynamodb: string; s3: string; cognito: string; ses: string };
  /** Issuer and JWKS URL per pool, as cognito-local signs them (for the local JWT authorizer). */
  pools: { studio: PoolInfo; client: PoolInfo };
  /** Mail caught by the local SES, newest first. */
  mailbox: { list(): Promise<CaughtMail[]>; clear(): Promise<void> };
  /** Stop and restart a single service on the same port without losing its data. */
  stopService(name: RestartableService): Promise<void>;
  startService(name: RestartableService): Promise<void>;
  stop(): Promise<void>;
}

export type RestartableService = 'dynamodb' | 's3';

export async function startLocalServices(opts: LocalServicesOptions = {}): Promise<LocalServices> {
  const verbose = opts.verbose ?? false;
  const ports = opts.ports ?? {};
  const throwaway = opts.dataDir === undefined;
  // Throwaway runs still use files (in a temp folder) so stopService/startService keep data.
  const root = opts.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'portico-local-')) : resolve(opts.dataDir);
  // If this process is killed before stop(), the reaper (child.ts) removes the temp folder.
  const orphanCleanup = throwaway ? deleteIfOrphaned(root) : undefined;
  const removeRoot = async () => {
    if (!throwaway) return;
    await rm(root, { recursive: true, force: true });
    orphanCleanup?.forget();
  };

  // In parallel: the JVM start dominates; the others finish well within it.
  const started = await Promise.allSettled([
    startDynamo({ port: ports.dynamodb, dbPath: join(root, 'dynamodb'), verbose }),
    startS3({ port: ports.s3, directory: join(root, 's3'), verbose, onObjectCreated: opts.onObjectCreated }),
    startCognito({ port: ports.cognito, directory: join(root, 'cognito'), verbose }),
    startSes({ port: ports.ses }),
  ]);
  const [dynamoResult, s3Result, cognitoResult, sesResult] = started;
  if (
    dynamoResult.status === 'rejected' ||
    s3Result.status === 'rejected' ||
    cognitoResult.status === 'rejected' ||
    sesResult.status === 'rejected'
  ) {
    // Leave nothing running behind a failed start.
    await Promise.allSettled(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    await removeRoot();
    const errors = started.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    throw errors.length === 1 ? errors[0] : new AggregateError(errors, 'Local services failed to start');
  }
  const dynamodb: DynamoService = dynamoResult.value;
  const s3: S3Service = s3Result.value;
  const cognito: CognitoService = cognitoResult.value;
  const ses: SesService = sesResult.value;

  const endpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint, cognito: cognito.endpoint, ses: ses.endpoint };
  const { studio, client } = cognito.pools;
  const env: Record<string, string> = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // Read by SDK v3 itself (serviceId upper-cased, spaces to underscores) at a client's first call.
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    // Not an SDK variable: shared/config.ts reads it and passes forcePathStyle to S3Client.
    S3_FORCE_PATH_STYLE: 'true',
    TABLE_NAME,
    BUCKET_NAME,
    STUDIO_POOL_ID: studio.poolId,
    STUDIO_POOL_CLIENT_ID: studio.clientId,
    CLIENT_POOL_ID: client.poolId,
    CLIENT_POOL_CLIENT_ID: client.clientId,
  };

  const restartable = { dynamodb, s3 } satisfies Record<RestartableService, { start(): Promise<void>; stop(): Promise<void> }>;
  let stopping: Promise<void> | undefined;

  return {
    env,
    dataDir: root,
    endpoints,
    pools: { studio, client },
    mailbox: ses.mailbox,
    stopService: (name) => restartable[name].stop(),
    startService: (name) => restartable[name].start(),
    stop() {
      stopping ??= (async () => {
        await Promise.allSettled([dynamodb.stop(), s3.stop(), cognito.stop(), ses.stop()]);
        await removeRoot();
      })();
      return stopping;
    },
  };
}
