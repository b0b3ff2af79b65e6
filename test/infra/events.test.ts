// The object-event stack: one function per entry of shared/events.ts, an EventBridge rule per entry
// on the files bucket's "Object Created" events, and exactly the grants the table gives.
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ObjectEventDef, objectEventList } from '../../shared/events.ts';
import type { Grant } from '../../shared/routes.ts';
import { scheduleList } from '../../shared/schedules.ts';
import { type BuiltApp, buildTestApp, located, nagFindings } from './portico-app.ts';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let built: BuiltApp;
let events: Template;
let data: Template;

beforeAll(() => {
  built = buildTestApp();
  events = Template.fromStack(built.stacks.events);
  data = Template.fromStack(built.stacks.data);
});
afterAll(() => built?.dispose());

const fnOf = (id: string) => {
  const fn = built.stacks.events.functions.get(id);
  if (!fn) throw new Error(`no function for object event ${id}`);
  return fn;
};
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  built.stacks.events.getLogicalId(construct.node.defaultChild as CfnFunction);
const resource = (template: Template, id: string) => template.toJSON().Resources[id] as Resource;

describe('events stack', () => {
  it('is its own stack in the home region, after data and auth', () => {
    const { events: stack, data: dataStack, auth } = built.stacks;
    expect(stack.stackName).toBe('PorticoEvents');
    expect(stack.region).toBe(dataStack.region);
    // (Identity checks: printing a stack would walk its whole construct tree.)
    expect([dataStack, auth].map((s) => stack.dependencies.includes(s))).toEqual([true, true]);
    // No cycle: the data stack knows nothing of the functions.
    expect(dataStack.dependencies.includes(stack)).toBe(false);
  });

  it('has exactly one nodejs24.x arm64 function per entry, sized by the table', () => {
    const functions = events.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x', Architectures: ['arm64'] } });
    // And one per scheduled job (shared/schedules.ts).
    expect(Object.keys(functions)).toHaveLength(objectEventList.length + scheduleList.length);
    expect(Object.keys(events.findResources('AWS::Lambda::Function'))).toHaveLength(objectEventList.length + scheduleList.length);
    for (const def of objectEventList) {
      const fn = functions[logicalId(fnOf(def.id))] as Resource;
      expect(fn, def.id).toBeDefined();
      expect(fn.Properties).toMatchObject({
        MemorySize: def.memorySize,
        Timeout: def.timeoutSeconds,
        Description: def.summary,
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', LogGroup: expect.anything() },
      });
    }
  });

  it('gives the functions the same environment as the API functions (but the origin secret, an HTTP concern)', () => {
    const apiFn = located(built.stacks.api.functions.values().next().value!);
    const apiVariables = apiFn.stack.resolve(
      (apiFn.template.toJSON().Resources[apiFn.logicalId] as Resource).Properties.Environment.Variables,
    );
    // The route wrapper's own variable (shared/http/origin.ts): no HTTP request reaches an event worker.
    expect(apiVariables).toHaveProperty('ORIGIN_SECRET_ID');
    const { ORIGIN_SECRET_ID: _routesOnly, ...shared } = apiVariables;
    for (const def of objectEventList) {
      const variables = resource(events, logicalId(fnOf(def.id))).Properties.Environment.Variables;
      // Plus the live stage's address where the entry sends to open sockets ('sockets:post').
      const expected = def.grants.includes('sockets:post' as never) ? [...Object.keys(shared), 'SOCKETS_ENDPOINT'] : Object.keys(shared);
      expect(Object.keys(variables).sort()).toEqual(expected.sort());
      expect(variables).toMatchObject({ PORTAL_DOMAIN: apiVariables.PORTAL_DOMAIN, POWERTOOLS_SERVICE_NAME: 'portico' });
    }
  });

  it('retries a failed invocation twice, like the local stack', () => {
    for (const def of objectEventList) {
      events.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId(fnOf(def.id)) },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 21600,
      });
    }
  });

  it('turns on EventBridge notifications for the files bucket', () => {
    data.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { EventBridgeConfiguration: {} },
      BucketName: { Ref: Match.stringLikeRegexp('^Files') },
    });
  });

  it.each(objectEventList.map((d) => [d.id, d] as const))('routes "Object Created" under its prefix to %s', (_id, def: ObjectEventDef) => {
    const fnId = logicalId(fnOf(def.id));
    const rules = (Object.entries(events.findResources('AWS::Events::Rule')) as [string, Resource][]).filter(([, r]) =>
      r.Properties.Targets.some((t: { Arn: unknown }) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [fnId, 'Arn'] })),
    );
    expect(rules).toHaveLength(1);
    const [ruleId, rule] = rules[0]!;
    expect(rule.Properties.State).toBe('ENABLED');
    expect(rule.Properties.EventBusName).toBeUndefined(); // the default bus, where S3 sends
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: { name: [{ 'Fn::ImportValue': expect.stringMatching(/^PorticoData:ExportsOutputRefFiles/) }] },
        object: { key: [{ prefix: def.prefix }] },
      },
    });
    events.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  it('gives every rule a distinct prefix, no prefix inside another', () => {
    const prefixes = objectEventList.map((d) => d.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(a.startsWith(b), `${a} under ${b}`).toBe(false);
    expect(events.findResources('AWS::Events::Rule')).toSatisfy(
      (r: object) => Object.keys(r).length === objectEventList.length + scheduleList.length,
    );
  });

  it.each(scheduleList.map((d) => [d.id, d] as const))('runs the scheduled job %s on its cron, with its own function', (_id, def) => {
    const fnId = logicalId(fnOf(def.id));
    events.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: def.cron,
      State: 'ENABLED',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })]),
    });
    expect(resource(events, fnId).Properties).toMatchObject({ MemorySize: def.memorySize, Timeout: def.timeoutSeconds });
  });

  describe('least privilege', () => {
    const statementsOf = (id: string): Statement[] => {
      const role = fnOf(id).role!;
      const roleId = built.stacks.events.getLogicalId(role.node.defaultChild as CfnFunction);
      expect(resource(events, roleId).Properties.ManagedPolicyArns).toBeUndefined();
      return (Object.values(events.findResources('AWS::IAM::Policy')) as Resource[])
        .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    };
    const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

    // The scheduled jobs' functions too: the same kind of function, the same grants.
    it.each([...objectEventList, ...scheduleList].map((d) => [d.id, d] as const))('%s holds only what its grants imply', (_id, def) => {
      const statements = statementsOf(def.id);
      const actions = actionsOf(statements);
      const has = (grant: Grant) => def.grants.includes(grant);
      // The one Deny: no update or delete of a release's audit records (infra/lambda.ts), with table:write.
      const denies = statements.filter((s) => s.Effect !== 'Allow');
      expect(denies.map((d) => [d.Action].flat().sort().join(' '))).toEqual(
        has('table:write') ? ['dynamodb:BatchWriteItem dynamodb:DeleteItem dynamodb:UpdateItem'] : [],
      );
      expect(statements.flatMap((s) => [s.Resource].flat())).not.toContain('*');

      const logs = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(actionsOf(logs).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      const fn = resource(events, logicalId(fnOf(def.id)));
      expect(logs[0]!.Resource).toEqual({ 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] });

      const allowed = new Set(['logs']);
      if (has('table:read') || has('table:write')) allowed.add('dynamodb');
      if (has('bucket:read') || has('bucket:write')) allowed.add('s3');
      if (has('mail:send')) allowed.add('ses');
      if (has('studioPool:admin') || has('clientPool:admin')) allowed.add('cognito-idp');
      if (has('sockets:post')) allowed.add('execute-api');
      if (has('seal:key')) allowed.add('secretsmanager');
      expect([...new Set(actions.map((a) => a.split(':')[0]))].sort()).toEqual([...allowed].sort());
      // 'seal:key' reads the seal key's value, nothing more (test/infra/seal-key.test.ts names the secret).
      expect(actions.filter((a) => a.startsWith('secretsmanager:'))).toEqual(has('seal:key') ? ['secretsmanager:GetSecretValue'] : []);
      expect(actions.includes('dynamodb:UpdateItem')).toBe(has('table:write'));
      expect(actions.includes('s3:PutObject')).toBe(has('bucket:write'));
      expect(actions.includes('s3:GetObject*')).toBe(has('bucket:read') || has('bucket:write'));
    });
  });

  it('passes cdk-nag with no unacknowledged error', () => {
    const errors = nagFindings(built.app)
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.path}: ${f.description}`);
    expect(errors).toEqual([]);
  });
});

describe('an object event whose handler is not written yet', () => {
  let built: BuiltApp;
  const future: ObjectEventDef = {
    id: 'zzFutureEvent',
    feature: 'future',
    prefix: 'future/',
    summary: 'Not written yet',
    grants: ['table:read', 'bucket:read', 'mail:send', 'studioPool:admin', 'clientPool:admin'],
    memorySize: 256,
    timeoutSeconds: 30,
  };
  beforeAll(() => {
    built = buildTestApp({}, { objectEvents: [...objectEventList, future] });
  });
  afterAll(() => built?.dispose());

  it('gets a placeholder function, its rule and a warning; cdk-nag still passes', () => {
    const template = Template.fromStack(built.stacks.events);
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'Not written yet', Handler: 'index.handler' });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ detail: Match.objectLike({ object: { key: [{ prefix: 'future/' }] } }) }),
    });
    Annotations.fromStack(built.stacks.events).hasWarning('*', Match.stringLikeRegexp('functions/future/zzFutureEvent.ts does not exist'));
    expect(nagFindings(built.app).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
