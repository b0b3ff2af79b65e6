// Object events: one Lambda per entry of shared/events.ts, started by new objects under the entry's
// key prefix and allowed exactly what its `grants` list says. Nothing here names an entry.
//
// Trigger: the files bucket sends its events to EventBridge (eventBridgeEnabled in the data stack),
// and a rule per entry matches "Object Created" with the entry's key prefix. A classic S3 → Lambda
// notification would have to live on the bucket, in the data stack, and point at functions here,
// while the functions' grants point back at the bucket: a cross-stack cycle. With EventBridge the
// data stack knows nothing of these functions, and a new entry never touches the bucket.
// EventBridge invokes Lambda asynchronously, so a handler that throws is retried twice by Lambda.
// Two entries make 15 resources, so this stack needs no nested stacks the way the API's routes do.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { ObjectEventDef } from '../../shared/events.ts';
import type { ScheduleDef } from '../../shared/schedules.ts';
import { applyGrants, type FunctionResources, functionEnvironment, handlerEntry, porticoFunction } from '../lambda.ts';

export interface EventsStackProps extends StackProps, FunctionResources {
  readonly events: readonly ObjectEventDef[];
  /** Scheduled jobs (shared/schedules.ts): a function and an EventBridge schedule rule each. */
  readonly schedules?: readonly ScheduleDef[];
  /** Repository root: handlers are `functions/<feature>/<id>.ts` (or `functions/events/<id>.ts`) under it. */
  readonly rootDir: string;
}

export class EventsStack extends Stack {
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  readonly rules: ReadonlyMap<string, events.Rule>;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    const environment = functionEnvironment(props);
    const functions = new Map<string, lambda.IFunction>();
    const rules = new Map<string, events.Rule>();

    for (const def of props.events) {
      const entry = handlerEntry(def.id, def.feature);
      const fn = porticoFunction(this, def.id, {
        rootDir: props.rootDir,
        entry,
        description: def.summary.slice(0, 256),
        roleDescription: `Portico object event ${def.id} (new objects under ${def.prefix})`,
        memorySize: def.memorySize,
        timeout: Duration.seconds(def.timeoutSeconds),
        environment,
        missingHandlerHint: `Object event ${def.id} has no handler (every entry of shared/events.ts needs ${entry})`,
        nativeModules: def.nativeModules,
        assets: def.assets,
      });
      applyGrants(fn, def.grants, props, `Object event ${def.id}`);
      // Lambda's asynchronous retries: twice, as the local stack does, and never for stale events.
      fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6) });

      const rule = new events.Rule(this, `${def.id}Rule`, {
        description: `New objects under ${def.prefix} in the files bucket → ${def.id}`,
        eventPattern: {
          source: ['aws.s3'],
          detailType: ['Object Created'],
          detail: {
            bucket: { name: [props.bucket.bucketName] },
            object: { key: events.Match.prefix(def.prefix) },
          },
        },
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 8, maxEventAge: Duration.hours(6) })],
      });
      functions.set(def.id, fn);
      rules.set(def.id, rule);
    }

    // Scheduled jobs: the same kind of function, started by an EventBridge rule on the entry's cron.
    for (const def of props.schedules ?? []) {
      const entry = handlerEntry(def.id, def.feature);
      const fn = porticoFunction(this, def.id, {
        rootDir: props.rootDir,
        entry,
        description: def.summary.slice(0, 256),
        roleDescription: `Portico scheduled job ${def.id} (${def.cron})`,
        memorySize: def.memorySize,
        timeout: Duration.seconds(def.timeoutSeconds),
        environment,
        missingHandlerHint: `Scheduled job ${def.id} has no handler (every entry of shared/schedules.ts needs ${entry})`,
        assets: def.assets,
      });
      applyGrants(fn, def.grants, props, `Scheduled job ${def.id}`);
      fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6) });
      const rule = new events.Rule(this, `${def.id}Schedule`, {
        description: `${def.cron} → ${def.id}`,
        schedule: events.Schedule.expression(def.cron),
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 8, maxEventAge: Duration.hours(6) })],
      });
      functions.set(def.id, fn);
      rules.set(def.id, rule);
    }
    this.functions = functions;
    this.rules = rules;
  }
}
