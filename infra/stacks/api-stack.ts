// The HTTP API: one Lambda per entry of shared/routes.ts, each allowed exactly what the route's
// `grants` list says. Nothing here names a route: add one to the table and it appears here.
//
// This stack keeps what the routes share (the API, its $default stage and access logs, the two JWT
// authorizers); the routes and their functions live in nested stacks, one per feature (more for a
// feature past ROUTES_PER_STACK routes), so no template nears CloudFormation's 500 resources
// (infra/features/feature-routes.ts). The nested stacks only read from this one and from the
// data, auth and mail stacks, so the references stay one-way.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { Auth, RouteDef } from '../../shared/routes.ts';
import type { SocketRouteDef } from '../../shared/sockets.ts';
import { FeatureRoutes, type FunctionSettings, planRouteStacks } from '../features/feature-routes.ts';
import { LiveSockets } from '../features/live-sockets.ts';
import type { FunctionResources } from '../lambda.ts';
import { acknowledge } from '../nag.ts';

export type { FunctionSettings } from '../features/feature-routes.ts';
export { COGNITO_ADMIN_ACTIONS } from '../lambda.ts';

export interface ApiStackProps extends StackProps, FunctionResources {
  readonly routes: readonly RouteDef[];
  /** The live socket's routes (shared/sockets.ts). */
  readonly socketRoutes: readonly SocketRouteDef[];
  /** Repository root: handlers are `functions/<feature>/<route id>.ts` (or `functions/<route id>.ts`) under it. */
  readonly rootDir: string;
  /** Defaults for every function (512 MB, 10 s)... */
  readonly functionDefaults?: FunctionSettings;
  /** ...and per-route exceptions, keyed by route id. */
  readonly functionOverrides?: Readonly<Record<string, FunctionSettings>>;
  /** Name of the secret CloudFront sends in the origin header; the edge stack resolves it by this name. */
  readonly originSecretName: string;
  /** Region of the edge stack, where the secret is replicated for CloudFormation to resolve it there. */
  readonly edgeRegion: string;
}

export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  /** Every route's function, by route id, whichever nested stack holds it. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  /** The nested stacks holding the routes, in table order of their features. */
  readonly routeStacks: readonly FeatureRoutes[];
  /** What CloudFront sends the API in ORIGIN_SECRET_HEADER (shared/origin-header.ts). */
  readonly originSecret: secretsmanager.Secret;
  /** The live socket's WebSocket API, its stage and its functions. */
  readonly sockets: LiveSockets;

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

    // Created here once, under the API (the construct path HttpJwtAuthorizer used, so the logical ids
    // stay), and handed to the nested stacks as an id and a type: binding an HttpJwtAuthorizer from
    // a nested stack would work too, but would create the authorizer wherever the first route binds it.
    const jwtAuthorizer = (name: string, pool: cognito.IUserPool, client: cognito.IUserPoolClient) => {
      const authorizer = new apigw.HttpAuthorizer(this.httpApi, `${name}Authorizer`, {
        httpApi: this.httpApi,
        type: apigw.HttpAuthorizerType.JWT,
        authorizerName: name,
        identitySource: ['$request.header.Authorization'],
        jwtIssuer: `https://cognito-idp.${Stack.of(pool).region}.${this.urlSuffix}/${pool.userPoolId}`,
        jwtAudience: [client.userPoolClientId],
      });
      return apigw.HttpAuthorizer.fromHttpAuthorizerAttributes(this, `${name}RouteAuthorizer`, {
        authorizerId: authorizer.authorizerId,
        authorizerType: apigw.HttpAuthorizerType.JWT,
      });
    };
    const authorizers: Record<Auth, apigw.IHttpRouteAuthorizer | undefined> = {
      public: undefined,
      studio: jwtAuthorizer('studio', props.studioPool, props.studioPoolClient),
      client: jwtAuthorizer('client', props.clientPool, props.clientPoolClient),
    };

    // Only CloudFront may call the API (shared/http/origin.ts): its /api/* origin sends this secret's
    // value in a header, and every route refuses a request without it. Generated here, never in a
    // template; replicated to the edge region, where the edge stack resolves it by name with a
    // CloudFormation dynamic reference (a cross-region reference would put the value in SSM in clear).
    this.originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      secretName: props.originSecretName,
      description: 'Portico: the value CloudFront sends the API in its origin header (README, Deploy)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      replicaRegions: this.region === props.edgeRegion ? undefined : [{ region: props.edgeRegion }],
    });
    acknowledge(
      this.originSecret,
      'No rotation Lambda: the operator rotates by putting a new value and redeploying the edge stack (README, Deploy); ' +
        'the API accepts the current and the previous value throughout, so no request is refused.',
      'AwsSolutions-SMG4',
    );

    // What every function of this stack may be granted (infra/lambda.ts FunctionResources).
    const resources = {
      domainName: props.domainName,
      senderEmail: props.senderEmail,
      signUpMode: props.signUpMode,
      plans: props.plans,
      table: props.table,
      bucket: props.bucket,
      studioPool: props.studioPool,
      studioPoolClient: props.studioPoolClient,
      clientPool: props.clientPool,
      clientPoolClient: props.clientPoolClient,
      mailIdentity: props.mailIdentity,
      cdnTenantsFunctionName: props.cdnTenantsFunctionName,
      cdnTenantsRegion: props.cdnTenantsRegion,
      sealKey: props.sealKey,
      paymentsKey: props.paymentsKey,
    };

    // Before the routes: a route holding 'sockets:post' is given this stage's id and callback URL.
    this.sockets = new LiveSockets(this, 'LiveSockets', {
      routes: props.socketRoutes,
      rootDir: props.rootDir,
      memorySize: props.functionDefaults?.memorySize,
      ...resources,
      originSecret: this.originSecret,
    });

    this.routeStacks = planRouteStacks(props.routes).map(
      (plan) =>
        new FeatureRoutes(this, plan.id, {
          description: `Portico API: ${plan.routes.length} routes of the ${plan.feature} feature`,
          routes: plan.routes,
          httpApi: this.httpApi,
          authorizers,
          rootDir: props.rootDir,
          functionDefaults: props.functionDefaults,
          functionOverrides: props.functionOverrides,
          ...resources,
          sockets: this.sockets.resource,
          originSecret: this.originSecret,
        }),
    );
    this.functions = new Map(this.routeStacks.flatMap((stack) => [...stack.functions]));

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'SocketsUrl', { value: this.sockets.stage.url });
  }
}
