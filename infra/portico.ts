// Builds Portico's stacks into an App. infra/app.ts calls it for `cdk synth/deploy`; the infra
// tests call it in-process. Context keys are documented at the top of infra/app.ts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, Tags } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { HostedZoneAttributes } from 'aws-cdk-lib/aws-route53';
import { CURRENT_VERSION_EXPIRED_FLAGS } from 'aws-cdk-lib/cx-api';
import { SIGN_UP_MODES, type SignUpMode } from '../shared/config.ts';
import { type ObjectEventDef, objectEventList } from '../shared/events.ts';
import { PLANS, type Plan } from '../shared/features/plans/constants.ts';
import { type RouteDef, routeList } from '../shared/routes.ts';
import { scheduleList } from '../shared/schedules.ts';
import { socketRouteList } from '../shared/sockets.ts';
import { cdnTenantsFunctionName as cdnTenantsFunctionNameOf } from './lambda.ts';
import { ApiStack, type ApiStackProps } from './stacks/api-stack.ts';
import { AuthStack } from './stacks/auth-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EdgeStack } from './stacks/edge-stack.ts';
import { EventsStack } from './stacks/events-stack.ts';
import { MailStack } from './stacks/mail-stack.ts';

/** The repository root (this file lives in <root>/infra). */
export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

/** CloudFront certificates and therefore the edge stack must live here. */
export const EDGE_REGION = 'us-east-1';

export interface PorticoProps {
  /** Home region: data, auth, mail and API. */
  readonly region: string;
  /** Account for every stack; undefined leaves the stacks environment-agnostic in account. */
  readonly account?: string;
  /** The dashboard's host; studio portals are <slug>.<domainName>. */
  readonly domainName: string;
  readonly hostedZone?: HostedZoneAttributes;
  readonly certificateArn?: string;
  readonly senderEmail: string;
  /** Who may create a studio: closed (only the operator: `npm run create-studio`), invite or open. */
  readonly signUpMode: SignUpMode;
  /** The plan new studios start on (portico:defaultPlan) and the operators who change plans (portico:operatorEmails). */
  readonly plans: { readonly defaultPlan: Plan; readonly operatorEmails: readonly string[] };
  readonly priceClass: cloudfront.PriceClass;
  /** Prefix of the stack names, so several Portico installations can share an account. */
  readonly stackPrefix: string;
  readonly functionMemorySize: number;
  /** Repository root; the functions, site and CloudFront Function sources are found from it. */
  readonly rootDir: string;
  /** The built site to upload (default <rootDir>/site/dist); skipped with a warning when absent. */
  readonly siteDir?: string;
  /** The API's routes; shared/routes.ts unless a test substitutes its own. */
  readonly routes?: readonly RouteDef[];
  /** The object events; shared/events.ts unless a test substitutes its own. */
  readonly objectEvents?: readonly ObjectEventDef[];
  /** Per-route exceptions to the function defaults, keyed by route id. */
  readonly functionOverrides?: ApiStackProps['functionOverrides'];
  /** Changed to make CloudFront take the origin secret's new value (README, Deploy: rotating the origin secret). */
  readonly originSecretRotation?: string;
}

export interface PorticoStacks {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly mail: MailStack;
  readonly api: ApiStack;
  readonly events: EventsStack;
  readonly edge: EdgeStack;
}

const PRICE_CLASSES: Record<string, cloudfront.PriceClass> = {
  '100': cloudfront.PriceClass.PRICE_CLASS_100,
  '200': cloudfront.PriceClass.PRICE_CLASS_200,
  all: cloudfront.PriceClass.PRICE_CLASS_ALL,
};

const isPlan = (s: string): s is Plan => (PLANS as readonly string[]).includes(s);
const isSignUpMode = (s: string): s is SignUpMode => (SIGN_UP_MODES as readonly string[]).includes(s);

/** Reads PorticoProps from the app's context (cdk.json or `-c key=value`). */
export function porticoPropsFromContext(app: App): PorticoProps {
  const get = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(`portico:${key}`);
    if (value === undefined || value === null || value === '') return undefined;
    return String(value).trim() || undefined;
  };
  const need = (key: string): string => {
    const value = get(key);
    if (!value) throw new Error(`Missing context value portico:${key} (set it in cdk.json or with -c portico:${key}=...)`);
    return value;
  };

  const domainName = need('domainName').toLowerCase();
  const senderEmail = need('senderEmail');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(senderEmail)) throw new Error(`portico:senderEmail is not an email address: ${senderEmail}`);
  const priceClassKey = (get('priceClass') ?? '100').toLowerCase();
  const priceClass = PRICE_CLASSES[priceClassKey];
  if (!priceClass) throw new Error(`portico:priceClass must be 100, 200 or All, not ${priceClassKey}`);
  const signUpMode = (get('signUpMode') ?? 'closed').toLowerCase();
  if (!isSignUpMode(signUpMode)) throw new Error(`portico:signUpMode must be closed, invite or open, not ${signUpMode}`);
  const defaultPlan = (get('defaultPlan') ?? 'starter').toLowerCase();
  if (!isPlan(defaultPlan)) throw new Error(`portico:defaultPlan must be one of ${PLANS.join(', ')}, not ${defaultPlan}`);
  const operatorEmails = (get('operatorEmails') ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  for (const e of operatorEmails)
    if (!/^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/.test(e)) throw new Error(`portico:operatorEmails: not an email address: ${e}`);
  const hostedZoneId = get('hostedZoneId');
  const functionMemorySize = Number(get('functionMemorySize') ?? 512);
  if (!Number.isInteger(functionMemorySize) || functionMemorySize < 128 || functionMemorySize > 10240) {
    throw new Error('portico:functionMemorySize must be a whole number of MB between 128 and 10240');
  }

  return {
    region: need('region'),
    account: get('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
    domainName,
    hostedZone: hostedZoneId ? { hostedZoneId, zoneName: get('hostedZoneName') ?? domainName } : undefined,
    certificateArn: get('certificateArn'),
    senderEmail,
    signUpMode,
    plans: { defaultPlan, operatorEmails },
    priceClass,
    stackPrefix: get('stackPrefix') ?? 'Portico',
    functionMemorySize,
    originSecretRotation: get('originSecretRotation'),
    rootDir: ROOT_DIR,
  };
}

// Recommended CDK feature flags Portico relies on. They are set here rather than in cdk.json so
// in-process builds (tests) behave like `cdk synth`; a value given in cdk.json or -c still wins.
const FEATURE_FLAGS: Record<string, unknown> = {
  // Access logs delivered under a bucket policy; with the legacy ACL the log buckets could not enforce bucket ownership.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  // Classic exports/imports between stacks: CloudFormation refuses to remove an export still in use.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export function buildPortico(app: App, props: PorticoProps): PorticoStacks {
  for (const [flag, value] of Object.entries(FEATURE_FLAGS)) {
    if (app.node.tryGetContext(flag) === undefined) app.node.setContext(flag, value);
  }
  // CDK v1 flags that v2 always applies: set to true they change nothing, yet CDK v2 refuses any
  // value (cdk.json carries @aws-cdk/core:enableStackNameDuplicates). A false value still fails.
  for (const flag of CURRENT_VERSION_EXPIRED_FLAGS) {
    if (app.node.tryGetContext(flag) === true || app.node.tryGetContext(flag) === 'true') app.node.setContext(flag, undefined);
  }
  const home = { account: props.account, region: props.region };
  const name = (part: string) => `${props.stackPrefix}${part}`;
  // A fixed name both regions know: the API stack creates the secret, the edge stack resolves it.
  const originSecretName = `${props.stackPrefix}/origin-secret`;
  // Likewise the edge stack's function that manages the custom domains' CDN tenants.
  const cdnTenantsFunctionName = cdnTenantsFunctionNameOf(props.stackPrefix);

  const data = new DataStack(app, name('Data'), {
    env: home,
    crossRegionReferences: true,
    description: 'Portico data: DynamoDB table, files bucket and the seal key',
    domainName: props.domainName,
    rootDir: props.rootDir,
  });
  const auth = new AuthStack(app, name('Auth'), { env: home, description: 'Portico auth: studio and client user pools' });
  const mail = new MailStack(app, name('Mail'), {
    env: home,
    description: 'Portico mail: SES sender identity',
    senderEmail: props.senderEmail,
    hostedZone: props.hostedZone,
  });
  const api = new ApiStack(app, name('Api'), {
    env: home,
    crossRegionReferences: true,
    description: 'Portico API: HTTP API and authorizers; routes and their Lambdas in a nested stack per feature',
    routes: props.routes ?? routeList,
    socketRoutes: socketRouteList,
    rootDir: props.rootDir,
    domainName: props.domainName,
    senderEmail: props.senderEmail,
    signUpMode: props.signUpMode,
    plans: props.plans,
    table: data.table,
    bucket: data.bucket,
    studioPool: auth.studio.pool,
    studioPoolClient: auth.studio.client,
    clientPool: auth.client.pool,
    clientPoolClient: auth.client.client,
    mailIdentity: mail.identity,
    cdnTenantsFunctionName,
    cdnTenantsRegion: EDGE_REGION,
    sealKey: data.sealKey.secret,
    paymentsKey: data.paymentsKey,
    functionDefaults: { memorySize: props.functionMemorySize },
    functionOverrides: props.functionOverrides,
    originSecretName,
    edgeRegion: EDGE_REGION,
  });
  const events = new EventsStack(app, name('Events'), {
    env: home,
    description: "Portico object events: image pipeline and ZIP worker, on the bucket's EventBridge events",
    events: props.objectEvents ?? objectEventList,
    schedules: scheduleList,
    rootDir: props.rootDir,
    domainName: props.domainName,
    senderEmail: props.senderEmail,
    signUpMode: props.signUpMode,
    plans: props.plans,
    table: data.table,
    bucket: data.bucket,
    studioPool: auth.studio.pool,
    studioPoolClient: auth.studio.client,
    clientPool: auth.client.pool,
    clientPoolClient: auth.client.client,
    mailIdentity: mail.identity,
    cdnTenantsFunctionName,
    cdnTenantsRegion: EDGE_REGION,
    sockets: api.sockets.resource,
    sealKey: data.sealKey.secret,
    paymentsKey: data.paymentsKey,
  });
  const edge = new EdgeStack(app, name('Edge'), {
    env: { account: props.account, region: EDGE_REGION },
    crossRegionReferences: true,
    description: 'Portico edge: certificate, CloudFront, site bucket',
    domainName: props.domainName,
    hostedZone: props.hostedZone,
    certificateArn: props.certificateArn,
    httpApi: api.httpApi,
    socketsApi: api.sockets.api,
    apiRegion: props.region,
    originSecretName,
    originSecretRotation: props.originSecretRotation,
    dataBucket: data.bucket,
    priceClass: props.priceClass,
    siteDir: props.siteDir ?? join(props.rootDir, 'site', 'dist'),
    siteViewerRequestFile: join(props.rootDir, 'infra', 'edge', 'site-viewer-request.js'),
    apiViewerRequestFile: join(props.rootDir, 'infra', 'edge', 'api-viewer-request.js'),
    rootDir: props.rootDir,
    cdnTenantsFunctionName,
  });

  Tags.of(app).add('project', 'portico');
  return { data, auth, mail, api, events, edge };
}
