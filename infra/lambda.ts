// What every Portico Lambda shares, whichever table it comes from (shared/routes.ts for the API,
// shared/events.ts for object events): the environment shared/config.ts reads, the mapping of a
// table entry's `grants` to IAM, and the function itself (own role and log group, arm64,
// nodejs24.x, an ESM bundle of the handler).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, type Duration, Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { SignUpMode } from '../shared/config.ts';
import type { Plan } from '../shared/features/plans/constants.ts';
import { AUDIT_PARTITION } from '../shared/features/releases/records.ts';
import type { Grant } from '../shared/routes.ts';
import { acknowledgeWildcards } from './nag.ts';

/** The resources functions are configured with and granted access to. */
export interface FunctionResources {
  readonly domainName: string;
  readonly senderEmail: string;
  /** Who may create a studio (portico:signUpMode): closed, invite or open. */
  readonly signUpMode: SignUpMode;
  /** The plan new studios start on, and who may change plans (portico:defaultPlan, portico:operatorEmails). */
  readonly plans: { readonly defaultPlan: Plan; readonly operatorEmails: readonly string[] };
  readonly table: dynamodb.ITableV2;
  readonly bucket: s3.IBucket;
  readonly studioPool: cognito.IUserPool;
  readonly studioPoolClient: cognito.IUserPoolClient;
  readonly clientPool: cognito.IUserPool;
  readonly clientPoolClient: cognito.IUserPoolClient;
  readonly mailIdentity: ses.IEmailIdentity;
  /** The edge stack's function that manages the custom domains' CDN tenants, and its region. */
  readonly cdnTenantsFunctionName: string;
  readonly cdnTenantsRegion: string;
  /** The WebSocket API's stage (infra/features/live-sockets.ts): where 'sockets:post' sends. */
  readonly sockets?: SocketsResource;
  /** The deployment's seal key (infra/features/seal-key.ts): what 'seal:key' reads. */
  readonly sealKey?: secretsmanager.ISecret;
  /** The vault's KMS key (infra/stacks/data-stack.ts): what 'payments:secrets' seals and opens with. */
  readonly paymentsKey?: kms.IKey;
}

/** The live socket's stage, as a function holding 'sockets:post' needs it. */
export interface SocketsResource {
  readonly apiId: string;
  readonly stageName: string;
  /** https://<api>.execute-api.<region>.amazonaws.com/<stage>: SOCKETS_ENDPOINT. */
  readonly callbackUrl: string;
}

/** What 'studioPool:admin' / 'clientPool:admin' allow, on that pool only. */
export const COGNITO_ADMIN_ACTIONS = [
  'AdminCreateUser',
  'AdminGetUser',
  'AdminSetUserPassword',
  'AdminInitiateAuth',
  'AdminUpdateUserAttributes',
  'AdminUserGlobalSignOut',
  'AdminDisableUser',
  'AdminDeleteUser',
].map((action) => `cognito-idp:${action}`);

/** The variables shared/config.ts reads, the same for every function. */
export function functionEnvironment(r: FunctionResources): Record<string, string> {
  return {
    TABLE_NAME: r.table.tableName,
    BUCKET_NAME: r.bucket.bucketName,
    STUDIO_POOL_ID: r.studioPool.userPoolId,
    STUDIO_POOL_CLIENT_ID: r.studioPoolClient.userPoolClientId,
    CLIENT_POOL_ID: r.clientPool.userPoolId,
    CLIENT_POOL_CLIENT_ID: r.clientPoolClient.userPoolClientId,
    PORTAL_DOMAIN: r.domainName,
    PUBLIC_SCHEME: 'https',
    PUBLIC_PORT: '',
    MAIL_FROM: r.senderEmail,
    SIGNUP_MODE: r.signUpMode,
    DEFAULT_PLAN: r.plans.defaultPlan,
    OPERATOR_EMAILS: r.plans.operatorEmails.join(','),
    CDN_TENANTS_FUNCTION: r.cdnTenantsFunctionName,
    POWERTOOLS_SERVICE_NAME: 'portico',
    // Stack traces of the minified bundles point back at the TypeScript sources.
    NODE_OPTIONS: '--enable-source-maps',
  };
}

/**
 * Gives `fn` exactly what its table entry's `grants` list says, and acknowledges only the cdk-nag
 * wildcard findings those grants imply (any other stays an error). `who` names the entry in the
 * acknowledgement, e.g. "Route getHealth".
 */
export function applyGrants(fn: lambda.IFunction, grants: readonly Grant[], r: FunctionResources, who: string): void {
  const poolAdmin = (pool: cognito.IUserPool) => (f: lambda.IFunction) =>
    f.addToRolePolicy(new iam.PolicyStatement({ actions: COGNITO_ADMIN_ACTIONS, resources: [pool.userPoolArn] }));
  // A Record over the Grant union: a new grant kind fails typechecking until it is handled here.
  const apply: Record<Grant, (f: lambda.IFunction) => void> = {
    'table:read': (f) => r.table.grantReadData(f),
    'table:write': (f) => {
      r.table.grantReadWriteData(f);
      denyAuditRewrites(f, r);
    },
    'bucket:read': (f) => r.bucket.grantRead(f),
    'bucket:write': (f) => r.bucket.grantReadWrite(f),
    'mail:send': (f) => r.mailIdentity.grantSendEmail(f),
    'studioPool:admin': poolAdmin(r.studioPool),
    'clientPool:admin': poolAdmin(r.clientPool),
    'cdn:tenants': (f) => grantCdnTenants(f, r),
    'sockets:post': (f) => grantSockets(f, r, who),
    'seal:key': (f) => grantSealKey(f, r, who),
    'payments:secrets': (f) => grantPaymentsKey(f, r, who),
  };
  for (const grant of grants) apply[grant](fn);

  acknowledgeWildcards(fn.role ?? fn, (finding, flatten) => {
    const table = flatten(r.table.tableArn);
    const bucket = flatten(r.bucket.bucketArn);
    const sockets = r.sockets ? connectionArns(Stack.of(fn), r.sockets).map(flatten) : [];
    const grant = grants.find((g) => grantWildcards(g, table, bucket, sockets).includes(finding));
    if (!grant) return undefined;
    if (grant === 'sockets:post')
      return `${who} holds 'sockets:post': it sends to (and closes) any open connection of the live stage, whose ids are only known at run time.`;
    const what = grant.startsWith('table') ? "the table's indexes (queries on GSI1)" : "the bucket's objects, with CDK's S3 action groups";
    return `${who} holds '${grant}', whose CDK grant covers ${what}.`;
  });
}

/**
 * No function may update or delete a release's audit record (shared/features/releases): their
 * partition's leading key is refused for UpdateItem, DeleteItem and BatchWriteItem outright, so the
 * trail is append-only in IAM too (a new record is a conditional PutItem of a key that is new).
 */
function denyAuditRewrites(f: lambda.IFunction, r: FunctionResources): void {
  f.addToRolePolicy(
    new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      resources: [r.table.tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PARTITION}*`] } },
    }),
  );
}

/** The @connections paths a sender calls: PostToConnection (POST) and DeleteConnection (DELETE), on the live stage only. */
function connectionArns(stack: Stack, s: SocketsResource): string[] {
  return ['POST', 'DELETE'].map(
    (method) => `arn:${stack.partition}:execute-api:${stack.region}:${stack.account}:${s.apiId}/${s.stageName}/${method}/@connections/*`,
  );
}

/** 'sockets:post': execute-api:ManageConnections on the live stage's @connections, and SOCKETS_ENDPOINT. */
function grantSockets(f: lambda.IFunction, r: FunctionResources, who: string): void {
  if (!r.sockets) throw new Error(`${who} holds 'sockets:post', but its stack was given no WebSocket API (FunctionResources.sockets)`);
  f.addToRolePolicy(
    new iam.PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: connectionArns(Stack.of(f), r.sockets) }),
  );
  if (f instanceof lambda.Function) f.addEnvironment('SOCKETS_ENDPOINT', r.sockets.callbackUrl);
}

/**
 * 'seal:key': GetSecretValue on the seal key's secret, and SEAL_KEY_SECRET_ID. Not the secret's
 * grantRead, which adds DescribeSecret: shared/adapters/seal-key.ts only ever reads the value.
 */
function grantSealKey(f: lambda.IFunction, r: FunctionResources, who: string): void {
  if (!r.sealKey) throw new Error(`${who} holds 'seal:key', but its stack was given no seal key (FunctionResources.sealKey)`);
  f.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [r.sealKey.secretArn] }));
  if (f instanceof lambda.Function) f.addEnvironment('SEAL_KEY_SECRET_ID', r.sealKey.secretArn);
}

/** What 'payments:secrets' may do with the vault's key (shared/adapters/vault.ts), and nothing else. */
export const PAYMENTS_KEY_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'];

/**
 * 'payments:secrets': GenerateDataKey and Decrypt on the vault's key only, when the request names a
 * `studioId` encryption context (the vault always does), and PAYMENTS_KEY_ID. Not the key's
 * grantEncryptDecrypt, which adds Encrypt, ReEncrypt* and GenerateDataKey* (the pair's variants).
 */
function grantPaymentsKey(f: lambda.IFunction, r: FunctionResources, who: string): void {
  if (!r.paymentsKey)
    throw new Error(`${who} holds 'payments:secrets', but its stack was given no payments key (FunctionResources.paymentsKey)`);
  f.addToRolePolicy(
    new iam.PolicyStatement({
      actions: PAYMENTS_KEY_ACTIONS,
      resources: [r.paymentsKey.keyArn],
      conditions: { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': ['studioId'] } },
    }),
  );
  if (f instanceof lambda.Function) f.addEnvironment('PAYMENTS_KEY_ID', r.paymentsKey.keyArn);
}

/**
 * The wildcards CDK's grants put in a policy, as cdk-nag names them: the table's indexes
 * (`<table>/index/*`), the bucket's objects (`<bucket>/*`) and S3 action groups (`s3:GetObject*`).
 * They are what "read the table" / "write the bucket" mean, so an entry holding the grant may have them.
 */
function grantWildcards(grant: Grant, table: string, bucket: string, sockets: string[]): string[] {
  const bucketRead = ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', `Resource::${bucket}/*`];
  switch (grant) {
    case 'table:read':
    case 'table:write':
      return [`Resource::${table}/index/*`];
    case 'bucket:read':
      return bucketRead;
    case 'bucket:write':
      return [...bucketRead, 'Action::s3:DeleteObject*', 'Action::s3:Abort*'];
    case 'sockets:post':
      return sockets.map((arn) => `Resource::${arn}`);
    default:
      return [];
  }
}

/**
 * What the edge stack's tenants function may do (functions/domains/cdnTenants.ts): the custom
 * domains' CloudFront distribution tenants, on the one multi-tenant distribution.
 */
export const CDN_TENANT_ACTIONS = [
  'cloudfront:CreateDistributionTenant',
  'cloudfront:GetDistributionTenant',
  'cloudfront:GetManagedCertificateDetails',
  'cloudfront:UpdateDistributionTenant',
  'cloudfront:DeleteDistributionTenant',
];

/** The tenants function's name: fixed, because the API stack (deployed first) must name it. */
export const cdnTenantsFunctionName = (stackPrefix: string) => `${stackPrefix}-cdn-tenants`;

/** 'cdn:tenants': invoke the edge stack's tenants function, and nothing else. */
function grantCdnTenants(f: lambda.IFunction, r: FunctionResources): void {
  const stack = Stack.of(f);
  f.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['lambda:InvokeFunction'],
      resources: [`arn:${stack.partition}:lambda:${r.cdnTenantsRegion}:${stack.account}:function:${r.cdnTenantsFunctionName}`],
    }),
  );
}

// Lets bundled CommonJS dependencies call require() from the ESM output.
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * What Lambda's nodejs24.x runtime provides, left out of every bundle: AWS SDK v3 (`@aws-sdk/*`, with
 * its @smithy dependencies). Measured by `npm run bench -- lambdas` (both ways): cold init is the same
 * within noise (median route 98.6 ms bundled, 100.9 ms with the runtime's), while a route's bundle
 * shrinks from 476 to 78 KiB (median). `portico:bundleAwsSdk=true` bundles it instead, for the
 * versions package-lock.json pins rather than the runtime's.
 */
export const RUNTIME_PROVIDED: string[] = ['@aws-sdk/*'];

/** How every handler is bundled (bench/lambdas.ts bundles with the very same options). */
export const BUNDLING = {
  format: nodejs.OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  // Names and lines are enough for stack traces; embedding the sources would triple the zip.
  sourcesContent: false,
  mainFields: ['module', 'main'],
  externalModules: RUNTIME_PROVIDED,
  banner: ESM_REQUIRE_BANNER,
} as const satisfies nodejs.BundlingOptions;

/** A table entry's handler file, relative to the repository root. */
export const handlerEntry = (id: string, feature: string): string => `functions/${feature}/${id}.ts`;

export interface PorticoFunctionProps {
  /** Repository root. */
  readonly rootDir: string;
  /** The handler file, relative to rootDir (it exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly roleDescription: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /** Tells the developer what to add when the handler file is missing. */
  readonly missingHandlerHint: string;
  /**
   * npm packages with native binaries: left out of the bundle and installed beside it for the
   * function's platform (linux, arm64, glibc) from package-lock.json, e.g. sharp.
   */
  readonly nativeModules?: readonly string[];
  /** Folders (relative to rootDir) copied into the bundle's root under their own names. */
  readonly assets?: readonly string[];
  /** A fixed name, for a function another stack must name before this one exists. */
  readonly functionName?: string;
}

/** One function: its own role (only its log group, plus what applyGrants adds) and log group (a month). */
export function porticoFunction(scope: Construct, id: string, props: PorticoFunctionProps): nodejs.NodejsFunction {
  const stack = Stack.of(scope);
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  // An explicit role: only this log group, instead of the AWSLambdaBasicExecutionRole managed policy.
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: props.roleDescription,
  });
  logGroup.grantWrite(role);

  const entry = join(props.rootDir, props.entry);
  // An entry may land in its table before its handler: fine for a quick synth, never for a deployable one.
  const placeholder = !existsSync(entry);
  if (placeholder && stack.bundlingRequired) {
    throw new Error(`${props.missingHandlerHint}: ${entry} does not exist.`);
  }
  if (placeholder) {
    Annotations.of(stack).addWarningV2(
      'portico:missingHandler',
      `${props.entry} does not exist yet; bundling is skipped, so a placeholder stands in.`,
    );
  }

  const bundleAwsSdk = String(stack.node.tryGetContext('portico:bundleAwsSdk')) === 'true';
  const nativeModules = [...(props.nativeModules ?? [])];
  const assets = props.assets ?? [];
  return new nodejs.NodejsFunction(scope, `${id}Function`, {
    description: props.description,
    functionName: props.functionName,
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
    systemLogLevelV2: lambda.SystemLogLevel.WARN,
    environment: props.environment,
    ...(placeholder
      ? { code: lambda.Code.fromInline('exports.handler = async () => { throw new Error("not built"); };'), handler: 'index.handler' }
      : {
          entry,
          handler: 'handler',
          projectRoot: props.rootDir,
          depsLockFilePath: join(props.rootDir, 'package-lock.json'),
          bundling: {
            ...BUNDLING,
            mainFields: [...BUNDLING.mainFields],
            externalModules: bundleAwsSdk ? [] : [...BUNDLING.externalModules],
            ...(nativeModules.length > 0
              ? {
                  nodeModules: nativeModules,
                  // `npm ci` beside the bundle picks the optional platform packages (e.g.
                  // @img/sharp-linux-arm64) for Lambda, not for the machine running the synth. No Docker needed.
                  environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
                }
              : {}),
            ...(assets.length > 0
              ? {
                  commandHooks: {
                    beforeBundling: () => [],
                    beforeInstall: () => [],
                    afterBundling: (inputDir: string, outputDir: string) =>
                      assets.map((asset) => `cp -R "${join(inputDir, asset)}" "${outputDir}/"`),
                  },
                }
              : {}),
          },
        }),
  });
}
