// The live socket's WebSocket API (issue 12): one Lambda per entry of shared/sockets.ts on its
// route ($connect, $disconnect, $default), each allowed exactly what its `grants` say, and the
// stage whose @connections endpoint the functions holding 'sockets:post' send to. CloudFront's
// /ws behaviour (infra/stacks/edge-stack.ts) is the only way in: the stage is named after the
// path, so the viewer's /ws arrives at the stage unchanged, and $connect refuses a handshake
// without the origin secret, as every HTTP route does.
//
// Built in the API stack itself (not a nested stack): the route stacks read its id and callback
// URL as parameters, so every reference runs parent → nested and none back.
import { Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { LIVE_PATH } from '../../shared/features/live/constants.ts';
import type { SocketRouteDef } from '../../shared/sockets.ts';
import {
  applyGrants,
  type FunctionResources,
  functionEnvironment,
  handlerEntry,
  porticoFunction,
  type SocketsResource,
} from '../lambda.ts';
import { acknowledge } from '../nag.ts';

/** The stage's name is the path CloudFront forwards: wss://<api>/ws is the stage's own URL. */
export const SOCKETS_STAGE = LIVE_PATH.slice(1);

export interface LiveSocketsProps extends Omit<FunctionResources, 'sockets'> {
  readonly routes: readonly SocketRouteDef[];
  readonly rootDir: string;
  readonly memorySize?: number;
  readonly originSecret: secretsmanager.ISecret;
}

export class LiveSockets extends Construct {
  readonly api: apigw.WebSocketApi;
  readonly stage: apigw.WebSocketStage;
  /** What a function holding 'sockets:post' is given (lambda.ts applyGrants). */
  readonly resource: SocketsResource;
  readonly functions: ReadonlyMap<string, lambda.IFunction>;

  constructor(scope: Construct, id: string, props: LiveSocketsProps) {
    super(scope, id);
    this.api = new apigw.WebSocketApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-live`,
      description: 'Portico live updates, reached through CloudFront under /ws',
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.stage = new apigw.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: SOCKETS_STAGE,
      autoDeploy: true,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });
    this.resource = { apiId: this.api.apiId, stageName: this.stage.stageName, callbackUrl: this.stage.callbackUrl };

    const resources: FunctionResources = { ...props, sockets: this.resource };
    const environment = { ...functionEnvironment(resources), ORIGIN_SECRET_ID: props.originSecret.secretArn };
    const functions = new Map<string, lambda.IFunction>();
    for (const route of props.routes) {
      const entry = handlerEntry(route.id, route.feature);
      const fn = porticoFunction(this, route.id, {
        rootDir: props.rootDir,
        entry,
        description: `WebSocket ${route.routeKey}`,
        roleDescription: `Portico socket route ${route.id} (${route.routeKey})`,
        memorySize: props.memorySize ?? 512,
        timeout: Duration.seconds(10),
        environment,
        missingHandlerHint: `Socket route ${route.id} has no handler (every entry of shared/sockets.ts needs ${entry})`,
      });
      // $connect checks the origin secret (shared/http/socket.ts); the others never see a handshake.
      if (route.routeKey === '$connect')
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [props.originSecret.secretArn] }),
        );
      applyGrants(fn, route.grants, resources, `Socket route ${route.id}`);
      const integration = new WebSocketLambdaIntegration(`${route.id}Integration`, fn);
      const wsRoute = this.api.addRoute(route.routeKey, { integration });
      if (route.routeKey === '$connect') {
        acknowledge(
          wsRoute,
          "A WebSocket API has no JWT authorizer: the $connect handler verifies the Cognito token against the host's pool " +
            '(shared/http/socket.ts, aws-jwt-verify) and refuses with 401/403, so the handshake fails.',
          'AwsSolutions-APIG4',
        );
      } else {
        acknowledge(
          wsRoute,
          `${route.routeKey} runs only on a connection $connect accepted; it has no handshake to authorise.`,
          'AwsSolutions-APIG4',
        );
      }
      functions.set(route.id, fn);
    }
    this.functions = functions;
  }
}
