// The HTTP API: one Lambda per entry of shared/routes.ts, each allowed exactly what the route's
// `grants` list says. Nothing here names a route: add one to the table and it appears here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { Auth, Grant, RouteDef } from '../../shared/routes.ts';
import { acknowledge, acknowledgeWildcards } from '../nag.ts';

export interface FunctionSettings {
  readonly memorySize?: number;
  readonly timeout?: Duration;
}

export interface ApiStackProps extends StackProps {
  readonly routes: readonly RouteDef[];
  /** Repository root: handlers are `functions/<route id>.ts` under it. */
  readonly rootDir: string;
  readonly domainName: string;
  readonly senderEmail: string;
  readonly table: dynamodb.ITableV2;
  readonly bucket: s3.IBucket;
  readonly studioPool: cognito.IUserPool;
  readonly studioPoolClient: cognito.IUserPoolClient;
  readonly clientPool: cognito.IUserPool;
  readonly clientPoolClient: cognito.IUserPoolClient;
  readonly mailIdentity: ses.IEmailIdentity;
  /** Defaults for every function (512 MB, 10 s)... */
  readonly functionDefaults?: FunctionSettings;
  /** ...and per-route exceptions, keyed by route id. */
  readonly functionOverrides?: Readonly<Record<string, FunctionSettings>>;
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

// Lets bundled CommonJS dependencies call require() from the ESM output.
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  readonly functions: ReadonlyMap<string, lambda.IFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Portico API, reached through CloudFront under /api/*',
      createDefaultStage: false,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });

    const jwtAuthorizer = (name: string, pool: cognito.IUserPool, client: cognito.IUserPoolClient) =>
      new HttpJwtAuthorizer(`${name}Authorizer`, `https://cognito-idp.${Stack.of(pool).region}.${this.urlSuffix}/${pool.userPoolId}`, {
        authorizerName: name,
        jwtAudience: [client.userPoolClientId],
      });
    const authorizers: Record<Auth, apigw.IHttpRouteAuthorizer | undefined> = {
      public: undefined,
      studio: jwtAuthorizer('studio', props.studioPool, props.studioPoolClient),
      client: jwtAuthorizer('client', props.clientPool, props.clientPoolClient),
    };

    const poolAdmin = (pool: cognito.IUserPool) => (fn: lambda.IFunction) =>
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: COGNITO_ADMIN_ACTIONS, resources: [pool.userPoolArn] }));
    // A Record over the Grant union: a new grant kind fails typechecking until it is handled here.
    const grants: Record<Grant, (fn: lambda.IFunction) => void> = {
      'table:read': (fn) => props.table.grantReadData(fn),
      'table:write': (fn) => props.table.grantReadWriteData(fn),
      'bucket:read': (fn) => props.bucket.grantRead(fn),
      'bucket:write': (fn) => props.bucket.grantReadWrite(fn),
      'mail:send': (fn) => props.mailIdentity.grantSendEmail(fn),
      'studioPool:admin': poolAdmin(props.studioPool),
      'clientPool:admin': poolAdmin(props.clientPool),
    };

    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      BUCKET_NAME: props.bucket.bucketName,
      STUDIO_POOL_ID: props.studioPool.userPoolId,
      STUDIO_POOL_CLIENT_ID: props.studioPoolClient.userPoolClientId,
      CLIENT_POOL_ID: props.clientPool.userPoolId,
      CLIENT_POOL_CLIENT_ID: props.clientPoolClient.userPoolClientId,
      PORTAL_DOMAIN: props.domainName,
      PUBLIC_SCHEME: 'https',
      PUBLIC_PORT: '',
      MAIL_FROM: props.senderEmail,
      POWERTOOLS_SERVICE_NAME: 'portico',
      // Stack traces of the minified bundles point back at the TypeScript sources.
      NODE_OPTIONS: '--enable-source-maps',
    };

    const functions = new Map<string, lambda.IFunction>();
    for (const route of props.routes) {
      const fn = this.routeFunction(route, environment, props);
      for (const grant of route.grants) grants[grant](fn);
      // Only the wildcards the route's own grants imply are acknowledged; any other stays an error.
      acknowledgeWildcards(fn.role ?? fn, (finding, flatten) => {
        const table = flatten(props.table.tableArn);
        const bucket = flatten(props.bucket.bucketArn);
        const grant = route.grants.find((g) => grantWildcards(g, table, bucket).includes(finding));
        if (!grant) return undefined;
        const what = grant.startsWith('table')
          ? "the table's indexes (queries on GSI1)"
          : "the bucket's objects, with CDK's S3 action groups";
        return `Route ${route.id} holds '${grant}', whose CDK grant covers ${what}.`;
      });
      functions.set(route.id, fn);

      const httpRoutes = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn),
        authorizer: authorizers[route.auth],
      });
      if (route.auth === 'public') {
        const reason = `Route ${route.id} has auth 'public' in shared/routes.ts: it serves signed-out callers.`;
        for (const httpRoute of httpRoutes) acknowledge(httpRoute, reason, 'AwsSolutions-APIG4');
      }
    }
    this.functions = functions;

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }

  private routeFunction(route: RouteDef, environment: Record<string, string>, props: ApiStackProps): nodejs.NodejsFunction {
    const id = route.id;
    const settings = { ...props.functionDefaults, ...props.functionOverrides?.[id] };
    const logGroup = new logs.LogGroup(this, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
    // An explicit role: only this log group, instead of the AWSLambdaBasicExecutionRole managed policy.
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Portico route ${id} (${route.method} ${route.path})`,
    });
    logGroup.grantWrite(role);

    const entry = join(props.rootDir, 'functions', `${id}.ts`);
    // A route may land in the table before its handler: fine for a quick synth, never for a deployable one.
    const placeholder = !existsSync(entry);
    if (placeholder && this.bundlingRequired) {
      throw new Error(`Route ${id} has no handler: ${entry} does not exist (every route in shared/routes.ts needs functions/<id>.ts).`);
    }
    if (placeholder) {
      Annotations.of(this).addWarningV2(
        'portico:missingHandler',
        `functions/${id}.ts does not exist yet; bundling is skipped, so a placeholder stands in.`,
      );
    }

    return new nodejs.NodejsFunction(this, `${id}Function`, {
      description: `${route.method} ${route.path}`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: settings.memorySize ?? 512,
      timeout: settings.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment,
      ...(placeholder
        ? { code: lambda.Code.fromInline('exports.handler = async () => { throw new Error("not built"); };'), handler: 'index.handler' }
        : {
            entry,
            handler: 'handler',
            projectRoot: props.rootDir,
            depsLockFilePath: join(props.rootDir, 'package-lock.json'),
            bundling: {
              format: nodejs.OutputFormat.ESM,
              target: 'node24',
              minify: true,
              sourceMap: true,
              // Names and lines are enough for stack traces; embedding the sources would triple the zip.
              sourcesContent: false,
              mainFields: ['module', 'main'],
              // Bundle the AWS SDK too, so the deployed versions are the ones package-lock.json pins.
              externalModules: [],
              banner: ESM_REQUIRE_BANNER,
            },
          }),
    });
  }
}

/**
 * The wildcards CDK's grants put in a policy, as cdk-nag names them: the table's indexes
 * (`<table>/index/*`), the bucket's objects (`<bucket>/*`) and S3 action groups (`s3:GetObject*`).
 * They are what "read the table" / "write the bucket" mean, so a route holding the grant may have them.
 */
function grantWildcards(grant: Grant, table: string, bucket: string): string[] {
  const bucketRead = ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', `Resource::${bucket}/*`];
  switch (grant) {
    case 'table:read':
    case 'table:write':
      return [`Resource::${table}/index/*`];
    case 'bucket:read':
      return bucketRead;
    case 'bucket:write':
      return [...bucketRead, 'Action::s3:DeleteObject*', 'Action::s3:Abort*'];
    default:
      return [];
  }
}
