// The seal key (issue 13): its secret in the data stack, generated at deploy time by a custom
// resource whose role touches that secret only; the 'seal:key' grant (GetSecretValue on that secret,
// nothing else); the releases' `bundle` sizing their routes' functions; and the generator's logic.
import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSealKey, provideSealKey, type SealKeyStore } from '../../functions/releases/generateSealKey.ts';
import { SEAL_KEY_GENERATOR_ACTIONS, sealCommonName } from '../../infra/features/seal-key.ts';
import type { StoredSealKey } from '../../shared/adapters/seal-key.ts';
import { createSealKey } from '../../shared/features/releases/pdf/key.ts';
import { type Grant, routeList } from '../../shared/routes.ts';
import { scheduleList } from '../../shared/schedules.ts';
import { allStacks, type BuiltApp, buildTestApp, located, nagFindings, parentValue, TEST_CONTEXT, templateOf } from './portico-app.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let built: BuiltApp;
beforeAll(() => {
  // A route's explicit override still wins over its table entry's `bundle` (memory here; the timeout stays the bundle's).
  built = buildTestApp({}, { functionOverrides: { countersignRelease: { memorySize: 3008 } } });
});
afterAll(() => built?.dispose());

const resources = (stack: Stack) => templateOf(stack).toJSON().Resources as Record<string, Resource>;
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => located(construct as never).logicalId;
const secretId = () => built.stacks.data.getLogicalId(built.stacks.data.sealKey.secret.node.defaultChild as CfnElement);
/** The secret's ARN as a policy in any stack names it: a Ref in the data stack, an import elsewhere. */
const isSealSecret = (stack: Stack, value: unknown): boolean => {
  const v = parentValue(stack, value) as { Ref?: string; 'Fn::ImportValue'?: string };
  if (stack === built.stacks.data) return v?.Ref === secretId();
  return typeof v?.['Fn::ImportValue'] === 'string' && v['Fn::ImportValue'].startsWith(`PorticoData:ExportsOutputRef${secretId()}`);
};
/** Every statement of the policies attached to `role` (by its logical id, in its stack). */
const statementsOfRole = (stack: Stack, roleId: string): Statement[] =>
  Object.values(resources(stack))
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref: string }) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

describe('the seal key secret', () => {
  it('is one secret in the data stack, retained, with no value in any template', () => {
    const secrets = Object.values(resources(built.stacks.data)).filter((r) => r.Type === 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    // CloudFormation's random placeholder until the generator writes the key: never a value in the template.
    expect(secrets[0]!.Properties.SecretString).toBeUndefined();
    for (const stack of allStacks(built.app))
      expect(JSON.stringify(templateOf(stack).toJSON()), stack.node.path).not.toMatch(/p12Base64|BEGIN CERTIFICATE/);
  });

  it('is filled by a custom resource that is given the secret and the common name, and answers its fingerprint', () => {
    const data = resources(built.stacks.data);
    const custom = Object.values(data).filter((r) => r.Type === 'Custom::PorticoSealKey');
    expect(custom).toHaveLength(1);
    expect(custom[0]!.Properties).toMatchObject({
      SecretId: { Ref: secretId() },
      CommonName: sealCommonName(TEST_CONTEXT['portico:domainName']),
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^SealKeyProviderframeworkonEvent/), 'Arn'] },
    });
    const outputs = templateOf(built.stacks.data).toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.SealKeyFingerprint?.Value).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Fingerprint256'] });
    expect(outputs.SealKeySecretArn?.Value).toEqual({ Ref: secretId() });
  });

  it("lets the generator read and put that secret's value, and nothing else", () => {
    const { generator } = built.stacks.data.sealKey;
    const roleId = logicalIdOf(generator.role!);
    const data = resources(built.stacks.data);
    expect(data[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = statementsOfRole(built.stacks.data, roleId);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
    const secrets = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')));
    expect(secrets).toHaveLength(1);
    expect(actionsOf(secrets).sort()).toEqual([...SEAL_KEY_GENERATOR_ACTIONS].sort());
    expect([secrets[0]!.Resource].flat().every((r) => isSealSecret(built.stacks.data, r))).toBe(true);
    // The rest is its own log group.
    expect(new Set(actionsOf(statements).map((a) => a.split(':')[0]))).toEqual(new Set(['logs', 'secretsmanager']));
    const fn = data[logicalIdOf(generator)]!;
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it("gives the provider framework only its log group and the generator's invocation", () => {
    const data = resources(built.stacks.data);
    const frameworkId = Object.keys(data).find(
      (id) => id.startsWith('SealKeyProviderframeworkonEvent') && data[id]!.Type === 'AWS::Lambda::Function',
    );
    expect(frameworkId).toBeDefined();
    const roleId = (data[frameworkId!]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(data[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = statementsOfRole(built.stacks.data, roleId);
    // (GetFunction: the framework waits for the generator to be active before it invokes it.)
    expect(new Set(actionsOf(statements))).toEqual(
      new Set(['logs:CreateLogStream', 'logs:PutLogEvents', 'lambda:InvokeFunction', 'lambda:GetFunction']),
    );
    const generatorId = logicalIdOf(built.stacks.data.sealKey.generator);
    const invoked = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('lambda:'))).flatMap((s) => [s.Resource].flat());
    expect(invoked.length).toBeGreaterThan(0);
    for (const r of invoked) expect(JSON.stringify(r)).toContain(generatorId);
  });

  it('is touched by no role but the generator and the functions holding seal:key', () => {
    const holders = [
      ...routeList.filter((r) => r.grants.includes('seal:key')).map((r) => built.stacks.api.functions.get(r.id)!),
      ...scheduleList
        .filter((d) => (d.grants as readonly Grant[]).includes('seal:key'))
        .map((d) => built.stacks.events.functions.get(d.id)!),
    ];
    expect(holders.length).toBeGreaterThan(0);
    const allowed = new Set(
      [...holders, built.stacks.data.sealKey.generator].map((f) => `${Stack.of(f).node.path}/${logicalIdOf(f.role!)}`),
    );
    const touching: string[] = [];
    for (const stack of allStacks(built.app)) {
      for (const r of Object.values(resources(stack))) {
        if (r.Type !== 'AWS::IAM::Policy') continue;
        const statements = r.Properties.PolicyDocument.Statement as Statement[];
        if (!statements.some((s) => [s.Resource].flat().some((x) => isSealSecret(stack, x)))) continue;
        for (const role of r.Properties.Roles as { Ref: string }[]) touching.push(`${stack.node.path}/${role.Ref}`);
      }
    }
    expect(new Set(touching)).toEqual(allowed);
  });
});

describe("the 'seal:key' grant", () => {
  const holders = () => [
    ...routeList.filter((r) => r.grants.includes('seal:key')).map((r) => ({ id: r.id, fn: built.stacks.api.functions.get(r.id)! })),
    ...scheduleList
      .filter((d) => (d.grants as readonly Grant[]).includes('seal:key'))
      .map((d) => ({ id: d.id, fn: built.stacks.events.functions.get(d.id)! })),
  ];

  it('is GetSecretValue on the seal key secret, and SEAL_KEY_SECRET_ID its ARN', () => {
    expect(holders().map((h) => h.id)).toEqual(expect.arrayContaining(['signClientRelease', 'sendReleaseReminders']));
    for (const { id, fn } of holders()) {
      const { stack, template, logicalId } = located(fn);
      const statements = statementsOfRole(stack, logicalIdOf(fn.role!));
      const onSeal = statements.filter((s) => [s.Resource].flat().some((r) => isSealSecret(stack, r)));
      expect(onSeal.length, id).toBeGreaterThan(0);
      for (const s of onSeal) expect(actionsOf([s]), id).toEqual(['secretsmanager:GetSecretValue']);
      // No other Secrets Manager action anywhere in its policies.
      expect(new Set(actionsOf(statements).filter((a) => a.startsWith('secretsmanager:'))), id).toEqual(
        new Set(['secretsmanager:GetSecretValue']),
      );
      const variables = (template.toJSON().Resources[logicalId] as Resource).Properties.Environment.Variables;
      expect(isSealSecret(stack, variables.SEAL_KEY_SECRET_ID), id).toBe(true);
    }
  });
});

describe('the audit trail', () => {
  it('cannot be updated or deleted by any function that may write the table', () => {
    const writers = routeList.filter((r) => r.grants.includes('table:write'));
    expect(writers.length).toBeGreaterThan(50);
    for (const route of writers) {
      const fn = built.stacks.api.functions.get(route.id)!;
      const statements = statementsOfRole(located(fn).stack, logicalIdOf(fn.role!)) as (Statement & { Condition?: any })[];
      const deny = statements.find((s) => s.Effect === 'Deny');
      expect(deny, route.id).toBeDefined();
      expect(new Set(actionsOf([deny!])), route.id).toEqual(
        new Set(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
      );
      expect(deny!.Condition, route.id).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['RELAUDIT#*'] } });
    }
  });
});

describe("a route's bundle", () => {
  it('sets its function memory and timeout; an explicit override still wins', () => {
    const bundled = routeList.filter((r) => r.bundle);
    expect(bundled.length).toBeGreaterThan(0);
    for (const route of bundled) {
      const { template, logicalId } = located(built.stacks.api.functions.get(route.id)!);
      const fn = template.toJSON().Resources[logicalId] as Resource;
      expect(fn.Properties, route.id).toMatchObject({
        MemorySize: route.id === 'countersignRelease' ? 3008 : route.bundle!.memorySize,
        Timeout: route.bundle!.timeoutSeconds,
      });
    }
    expect(routeList.find((r) => r.id === 'countersignRelease')?.bundle).toBeDefined();
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged error with the seal key and its custom resource', () => {
    const errors = nagFindings(built.app)
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.path}: ${f.description}`);
    expect(errors).toEqual([]);
  });
});

describe('the generator (functions/releases/generateSealKey.ts)', () => {
  const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SealKeySecret-AbCdEf';
  const event = (RequestType: 'Create' | 'Update' | 'Delete'): CloudFormationCustomResourceEvent =>
    ({
      RequestType,
      ServiceToken: 'token',
      ResponseURL: 'https://example.invalid/',
      StackId: 'stack',
      RequestId: 'request',
      LogicalResourceId: 'SealKeyValue',
      ResourceType: 'Custom::PorticoSealKey',
      ResourceProperties: { ServiceToken: 'token', SecretId: SECRET, CommonName: 'Portico seal test' },
      ...(RequestType === 'Create' ? {} : { PhysicalResourceId: SECRET, OldResourceProperties: {} }),
    }) as CloudFormationCustomResourceEvent;
  /** An in-memory secret: its current value, and every value put. */
  const memoryStore = (initial?: string) => {
    const state = { value: initial, puts: [] as string[], reads: 0 };
    const store: SealKeyStore = {
      read: async (id) => {
        expect(id).toBe(SECRET);
        state.reads++;
        return state.value;
      },
      write: async (id, value) => {
        expect(id).toBe(SECRET);
        state.value = value;
        state.puts.push(value);
      },
    };
    return { state, store };
  };
  let made = 0;
  const fakeKey = (commonName: string): StoredSealKey => {
    made++;
    return { p12Base64: `p12-${made}`, passphrase: `pass-${made}`, certificatePem: `pem ${commonName}`, fingerprint256: `AA:${made}` };
  };
  // CloudFormation's GenerateSecretString placeholder: a random string, not a key.
  const PLACEHOLDER = 'x9Y!random-placeholder-32-chars__';

  it('on Create, replaces the placeholder with a new key, and answers only its fingerprint', async () => {
    const { state, store } = memoryStore(PLACEHOLDER);
    const answer = await provideSealKey(event('Create'), store, fakeKey);
    expect(state.puts).toHaveLength(1);
    const stored = parseSealKey(state.value);
    expect(stored?.certificatePem).toBe('pem Portico seal test');
    expect(answer).toEqual({ PhysicalResourceId: SECRET, Data: { Fingerprint256: stored!.fingerprint256 } });
    expect(JSON.stringify(answer)).not.toContain(stored!.passphrase);
    expect(JSON.stringify(answer)).not.toContain(stored!.p12Base64);
  });

  it('on Update, keeps a key the secret holds (no new key, no put)', async () => {
    const key = fakeKey('earlier');
    const { state, store } = memoryStore(JSON.stringify(key));
    const before = made;
    const answer = await provideSealKey(event('Update'), store, fakeKey);
    expect(made).toBe(before);
    expect(state.puts).toEqual([]);
    expect(answer.Data).toEqual({ Fingerprint256: key.fingerprint256 });
  });

  it('on Update, makes the key when the secret holds none yet (an empty, placeholder or partial value)', async () => {
    for (const value of [undefined, PLACEHOLDER, JSON.stringify({ p12Base64: 'only half' })]) {
      const { state, store } = memoryStore(value);
      await provideSealKey(event('Update'), store, fakeKey);
      expect(state.puts, String(value)).toHaveLength(1);
      expect(parseSealKey(state.value), String(value)).toBeDefined();
    }
  });

  it('on Create over a secret a previous deploy filled, keeps that key too', async () => {
    const key = fakeKey('kept');
    const { state, store } = memoryStore(JSON.stringify(key));
    await provideSealKey(event('Create'), store, fakeKey);
    expect(state.puts).toEqual([]);
  });

  it('on Delete, leaves the secret alone (it is retained)', async () => {
    const { state, store } = memoryStore(PLACEHOLDER);
    expect(await provideSealKey(event('Delete'), store, fakeKey)).toEqual({ PhysicalResourceId: SECRET });
    expect([state.reads, state.puts.length]).toEqual([0, 0]);
  });

  it('stores what createSealKey makes, in the shape shared/adapters/seal-key.ts reads', async () => {
    const { state, store } = memoryStore(PLACEHOLDER);
    const answer = await provideSealKey(event('Create'), store, createSealKey);
    const stored = parseSealKey(state.value)!;
    expect(stored.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(Buffer.from(stored.p12Base64, 'base64').length).toBeGreaterThan(1000);
    expect(answer.Data?.Fingerprint256).toBe(stored.fingerprint256);
    expect(stored.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
