// One feature's routes, as a nested stack of the API stack: for each of its entries of
// shared/routes.ts, the Lambda (its own role and log group, exactly the route's grants), the
// integration, the invoke permission and the HTTP API route. It is generic, built from the table;
// a feature whose infrastructure needs more than its routes gets its own infra/features/<feature>.ts.
//
// Why nested stacks: each route costs seven resources and CloudFormation refuses a template over
// 500, so one stack for every route stops at about 70 routes. Here the parent keeps the API, its
// stage and its authorizers, and each nested stack holds at most ROUTES_PER_STACK routes (under 300
// resources), however many routes the features grow to.
//
// A route's stack must not change once deployed: CloudFormation creates a route's new copy before
// it deletes the old one, and API Gateway refuses two routes with one key, so a route moved to
// another stack fails the update. Hence the chunks are cut in table order (a route appended to its
// feature never moves the others; past ROUTES_PER_STACK routes, add a feature's routes at its end)
// and a feature's first stack keeps its unnumbered name.
import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { IDEMPOTENCY_LEADING_KEY } from '../../shared/data/idempotency.ts';
import { isIdempotent } from '../../shared/route-def.ts';
import type { Auth, RouteDef } from '../../shared/routes.ts';
import { applyGrants, type FunctionResources, functionEnvironment, handlerEntry, porticoFunction } from '../lambda.ts';
import { acknowledge } from '../nag.ts';

/** At seven resources a route, 40 routes make 280: well under 400, with room for a few extras. */
export const ROUTES_PER_STACK = 40;

export interface FunctionSettings {
  readonly memorySize?: number;
  readonly timeout?: Duration;
}

export interface RouteStackPlan {
  /** Construct id of the nested stack: `GalleriesRoutes`, then `GalleriesRoutes2`, … */
  readonly id: string;
  readonly feature: string;
  readonly routes: readonly RouteDef[];
}

/** Groups the table by feature, then cuts each feature into chunks of `perStack` routes in table order. */
export function planRouteStacks(routes: readonly RouteDef[], perStack = ROUTES_PER_STACK): RouteStackPlan[] {
  const byFeature = Map.groupBy(routes, (route) => route.feature);
  return [...byFeature].flatMap(([feature, featureRoutes]) => {
    const name = `${pascalCase(feature)}Routes`;
    const plans: RouteStackPlan[] = [];
    for (let start = 0; start < featureRoutes.length; start += perStack) {
      const n = start / perStack + 1;
      plans.push({ id: n === 1 ? name : `${name}${n}`, feature, routes: featureRoutes.slice(start, start + perStack) });
    }
    return plans;
  });
}

/** 'share-links' → 'ShareLinks': construct ids read like the other constructs'. */
function pascalCase(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

export interface FeatureRoutesProps extends NestedStackProps, FunctionResources {
  readonly routes: readonly RouteDef[];
  readonly httpApi: apigw.IHttpApi;
  /** The parent's authorizers: created once there, only referenced here (an authorizer per stack would duplicate them). */
  readonly authorizers: Readonly<Record<Auth, apigw.IHttpRouteAuthorizer | undefined>>;
  /** Repository root: handlers are `functions/<feature>/<route id>.ts` (or `functions/<route id>.ts`) under it. */
  readonly rootDir: string;
  readonly functionDefaults?: FunctionSettings;
  /** Per-route exceptions to the defaults, keyed by route id. */
  readonly functionOverrides?: Readonly<Record<string, FunctionSettings>>;
  /** The secret CloudFront sends in the origin header; every route's wrapper reads it (shared/http/origin.ts). */
  readonly originSecret: secretsmanager.ISecret;
}

export class FeatureRoutes extends NestedStack {
  readonly routes: readonly RouteDef[];
  readonly functions: ReadonlyMap<string, lambda.IFunction>;

  constructor(scope: Construct, id: string, props: FeatureRoutesProps) {
    super(scope, id, props);
    this.routes = props.routes;
    // The origin check is the wrapper's, not a route's choice: every route's function gets the
    // secret's id and may read that secret (GetSecretValue only), whatever its `grants` say.
    const environment = { ...functionEnvironment(props), ORIGIN_SECRET_ID: props.originSecret.secretArn };
    const readOriginSecret = new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [props.originSecret.secretArn],
    });
    const writeIdempotencyRecords = new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
      resources: [props.table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [IDEMPOTENCY_LEADING_KEY] } },
    });
    const functions = new Map<string, lambda.IFunction>();

    for (const route of props.routes) {
      // The defaults, then what the route's table entry asks for (`bundle`), then the app's explicit overrides.
      const bundle: FunctionSettings = route.bundle
        ? { memorySize: route.bundle.memorySize, timeout: Duration.seconds(route.bundle.timeoutSeconds) }
        : {};
      const settings = { ...props.functionDefaults, ...bundle, ...props.functionOverrides?.[route.id] };
      const entry = handlerEntry(route.id, route.feature);
      const fn = porticoFunction(this, route.id, {
        rootDir: props.rootDir,
        entry,
        description: `${route.method} ${route.path}`,
        roleDescription: `Portico route ${route.id} (${route.method} ${route.path})`,
        memorySize: settings.memorySize ?? 512,
        timeout: settings.timeout ?? Duration.seconds(10),
        environment,
        missingHandlerHint: `Route ${route.id} has no handler (every route in shared/routes.ts needs ${entry})`,
        assets: route.bundle?.assets,
      });
      fn.addToRolePolicy(readOriginSecret);
      applyGrants(fn, route.grants, props, `Route ${route.id}`);
      // A POST stores its answer for retries (shared/http/idempotency.ts). A route that may write the
      // table can already; one that may not gets only the idempotency records' items.
      if (isIdempotent(route) && !route.grants.includes('table:write')) fn.addToRolePolicy(writeIdempotencyRecords);
      functions.set(route.id, fn);

      const httpRoute = new apigw.HttpRoute(this, `${route.id}Route`, {
        httpApi: props.httpApi,
        routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn),
        authorizer: props.authorizers[route.auth],
      });
      if (route.auth === 'public') {
        acknowledge(
          httpRoute,
          `Route ${route.id} has auth 'public' in shared/routes.ts: it serves signed-out callers.`,
          'AwsSolutions-APIG4',
        );
      }
    }
    this.functions = functions;
  }
}
