// The vault's KMS key (shared/adapters/vault.ts): one key in the data stack, rotated and retained;
// the 'payments:secrets' grant (GenerateDataKey and Decrypt on that key only, with a studioId
// encryption context, and PAYMENTS_KEY_ID); no other function may use any KMS action.
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyGrants, type FunctionResources, PAYMENTS_KEY_ACTIONS } from '../../infra/lambda.ts';
import { objectEventList } from '../../shared/events.ts';
import { type Grant, routeList } from '../../shared/routes.ts';
import { scheduleList } from '../../shared/schedules.ts';
import { allStacks, type BuiltApp, buildTestApp, located, nagFindings, parentValue, templateOf } from './portico-app.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

let built: BuiltApp;
beforeAll(() => {
  built = buildTestApp();
});
afterAll(() => built?.dispose());

const resources = (stack: Stack) => templateOf(stack).toJSON().Resources as Record<string, Resource>;
const keyId = () => built.stacks.data.getLogicalId(built.stacks.data.paymentsKey.node.defaultChild as CfnElement);
/** The key's ARN as a policy or a variable in any stack names it: a GetAtt in the data stack, an import elsewhere. */
const isPaymentsKey = (stack: Stack, value: unknown): boolean => {
  const v = parentValue(stack, value) as { 'Fn::GetAtt'?: string[]; 'Fn::ImportValue'?: string };
  if (stack === built.stacks.data) return v?.['Fn::GetAtt']?.[0] === keyId() && v['Fn::GetAtt'][1] === 'Arn';
  return typeof v?.['Fn::ImportValue'] === 'string' && v['Fn::ImportValue'].startsWith(`PorticoData:ExportsOutputFnGetAtt${keyId()}Arn`);
};
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

const holds = (grants: readonly Grant[]) => grants.includes('payments:secrets');
const holders = () => [
  ...routeList.filter((r) => holds(r.grants)).map((r) => ({ id: r.id, fn: built.stacks.api.functions.get(r.id)! })),
  ...scheduleList.filter((d) => holds(d.grants)).map((d) => ({ id: d.id, fn: built.stacks.events.functions.get(d.id)! })),
  ...objectEventList.filter((d) => holds(d.grants)).map((d) => ({ id: d.id, fn: built.stacks.events.functions.get(d.id)! })),
];
const roleKey = (stack: Stack, roleRef: string) => `${stack.node.path}/${roleRef}`;

describe('the payments key', () => {
  it('is one KMS key in the data stack: rotated, retained, with its alias', () => {
    const data = resources(built.stacks.data);
    const keys = Object.entries(data).filter(([, r]) => r.Type === 'AWS::KMS::Key');
    expect(keys.map(([id]) => id)).toEqual([keyId()]);
    const [, key] = keys[0]!;
    expect(key).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(key.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
    const aliases = Object.values(data).filter((r) => r.Type === 'AWS::KMS::Alias');
    expect(aliases).toHaveLength(1);
    expect(aliases[0]!.Properties).toMatchObject({
      AliasName: 'alias/PorticoData/payments',
      TargetKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
    });
    // No other stack makes a key of its own.
    for (const stack of allStacks(built.app).filter((s) => s !== built.stacks.data))
      expect(
        Object.values(resources(stack)).filter((r) => r.Type === 'AWS::KMS::Key'),
        stack.node.path,
      ).toEqual([]);
  });
});

describe("the 'payments:secrets' grant", () => {
  it('is held by the invoices routes that seal or open a studio’s Stripe secrets', () => {
    expect(holders().map((h) => h.id)).toEqual(
      expect.arrayContaining(['connectStripe', 'startCheckout', 'getCheckoutResult', 'receiveStripeWebhook']),
    );
  });

  it('is GenerateDataKey and Decrypt on the payments key only, with a studioId encryption context, and PAYMENTS_KEY_ID', () => {
    for (const { id, fn } of holders()) {
      const { stack, template, logicalId } = located(fn);
      const roleId = located(fn.role!).logicalId;
      const statements = Object.values(resources(stack))
        .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref: string }) => x.Ref === roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
      const kms = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('kms:')));
      expect(kms, id).toHaveLength(1);
      expect(kms[0]).toEqual({
        Effect: 'Allow',
        Action: expect.arrayContaining(PAYMENTS_KEY_ACTIONS),
        Resource: expect.anything(),
        Condition: { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': ['studioId'] } },
      });
      expect(new Set(actionsOf(kms)), id).toEqual(new Set(['kms:GenerateDataKey', 'kms:Decrypt']));
      expect(isPaymentsKey(stack, kms[0]!.Resource), id).toBe(true);
      const variables = (template.toJSON().Resources[logicalId] as Resource).Properties.Environment.Variables;
      expect(isPaymentsKey(stack, variables.PAYMENTS_KEY_ID), id).toBe(true);
    }
  });

  it('is the only way to any KMS action: no other role in any stack has one, and no other function PAYMENTS_KEY_ID', () => {
    const allowed = new Set(
      holders().map(({ fn }) => {
        const { stack, logicalId } = located(fn.role!);
        return roleKey(stack, logicalId);
      }),
    );
    const withKms: string[] = [];
    const withVariable: string[] = [];
    for (const stack of allStacks(built.app)) {
      for (const [logicalId, r] of Object.entries(resources(stack))) {
        if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') {
          const statements = r.Properties.PolicyDocument.Statement as Statement[];
          if (!actionsOf(statements).some((a) => a.startsWith('kms:') || a === '*')) continue;
          for (const role of (r.Properties.Roles ?? []) as { Ref: string }[]) withKms.push(roleKey(stack, role.Ref));
        }
        if (r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.PAYMENTS_KEY_ID !== undefined) {
          withVariable.push(`${stack.node.path}/${logicalId}`);
        }
      }
    }
    expect(new Set(withKms)).toEqual(allowed);
    expect(new Set(withVariable)).toEqual(new Set(holders().map(({ fn }) => `${located(fn).stack.node.path}/${located(fn).logicalId}`)));
  });

  it('refuses to build a function holding it when its stack was given no payments key', () => {
    const stack = new Stack(new App(), 'NoKey');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    expect(() => applyGrants(fn, ['payments:secrets'], {} as FunctionResources, 'Route connectStripe')).toThrow(
      "Route connectStripe holds 'payments:secrets', but its stack was given no payments key (FunctionResources.paymentsKey)",
    );
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged error with the payments key and its grants', () => {
    const errors = nagFindings(built.app)
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.path}: ${f.description}`);
    expect(errors).toEqual([]);
  });
});
