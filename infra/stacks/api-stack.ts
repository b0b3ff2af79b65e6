// The HTTP API: one Lambda per entry of shared/routes.ts, each allowed exactly what the route's
// `grants` list says. Nothing here names a route: add one to the table and it appears here.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Auth, RouteDef } from '../../shared/routes.ts';
import { applyGrants, type FunctionResources, functionEnvironment, porticoFunction } from '../lambda.ts';
import { acknowledge } from '../nag.ts';

export { COGNITO_ADMIN_ACTIONS } from '../lambda.ts';

export interface FunctionSettings {
  readonly memorySize?: number;
  readonly timeout?: Duration;
}

export interface ApiStackProps extends StackProps, FunctionResources {
  readonly routes: readonly RouteDef[];
  /** Repository root: handlers are `functions/<route id>.ts` under it. */
  readonly rootDir: string;
  /** Defaults for every function (512 MB, 10 s)... */
  readonly functionDefaults?: FunctionSettings;
  /** ...and per-route exceptions, keyed by route id. */
  readonly functionOverrides?: Readonly<Record<string, FunctionSettings>>;
}

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

    const environment = functionEnvironment(props);

    const functions = new Map<string, lambda.IFunction>();
    for (const route of props.routes) {
      const settings = { ...props.functionDefaults, ...props.functionOverrides?.[route.id] };
      const fn = porticoFunction(this, route.id, {
        rootDir: props.rootDir,
        entry: `functions/${route.feature}/${route.id}.ts`,
        description: `${route.method} ${route.path}`,
        roleDescription: `Portico route ${route.id} (${route.method} ${route.path})`,
        memorySize: settings.memorySize ?? 512,
        timeout: settings.timeout ?? Duration.seconds(10),
        environment,
        missingHandlerHint: `Route ${route.id} has no handler (every route in shared/routes.ts needs functions/<id>.ts)`,
      });
      applyGrants(fn, route.grants, props, `Route ${route.id}`);
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
}
