// Builds the Portico CDK app in-process the way `cdk synth` would, minus esbuild: tests must stay
// fast and must not depend on every handler file existing yet.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { buildPortico, type PorticoProps, type PorticoStacks, porticoPropsFromContext, ROOT_DIR } from '../../infra/portico.ts';

/** cdk.json's context minus Portico's own keys: feature flags behave as under `cdk synth`. */
const CDK_JSON_CONTEXT: Record<string, unknown> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(ROOT_DIR, 'cdk.json'), 'utf8')).context ?? {}).filter(([key]) => !key.startsWith('portico:')),
);

/** Fixed values for the Portico keys, so assertions do not depend on cdk.json's settings. */
export const TEST_CONTEXT = {
  'portico:region': 'eu-west-1',
  'portico:account': '123456789012',
  'portico:domainName': 'portico.example.com',
  'portico:hostedZoneId': '',
  'portico:senderEmail': 'no-reply@portico.example.com',
};

export interface BuiltApp {
  readonly app: App;
  readonly stacks: PorticoStacks;
  /** Deletes the synthesized assembly (assets included: tens of MB). */
  readonly dispose: () => void;
}

/** Builds and synthesizes the app from TEST_CONTEXT plus `context`, with `props` overriding what the context gave. */
export function buildTestApp(context: Record<string, unknown> = {}, props: Partial<PorticoProps> = {}): BuiltApp {
  const outdir = mkdtempSync(join(tmpdir(), 'portico-cdk-'));
  const app = new App({
    outdir,
    context: { ...CDK_JSON_CONTEXT, ...TEST_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
  });
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  try {
    const stacks = buildPortico(app, { ...porticoPropsFromContext(app), ...props });
    app.synth();
    return { app, stacks, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
  readonly description: string;
}

/** Runs the AwsSolutions pack over the whole app, as the plugin in infra/app.ts does at synth. */
export function nagFindings(app: App): NagFinding[] {
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => ({
      rule: v.ruleName,
      severity: v.severity ?? 'error',
      path: r.constructPath ?? r.resourceLogicalId ?? '?',
      description: v.description,
    })),
  );
}

// Templates are read once per stack: the API's assertions look up the same nested templates for every route.
const templates = new WeakMap<Stack, Template>();

/** The synthesized template of a stack, top-level or nested. */
export function templateOf(stack: Stack): Template {
  let template = templates.get(stack);
  if (!template) {
    template = Template.fromStack(stack);
    templates.set(stack, template);
  }
  return template;
}

/** Every stack of the app: the top-level ones and the nested stacks inside them. */
export function allStacks(app: App): Stack[] {
  return app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
}

/** Where a construct's resource lands: the (possibly nested) stack, its template and the logical id in it. */
export function located(construct: IConstruct): { stack: Stack; template: Template; logicalId: string } {
  const stack = Stack.of(construct);
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return { stack, template: templateOf(stack), logicalId: stack.getLogicalId(element) };
}

/**
 * Follows a nested stack's parameter to what its parent passes in (`{ Ref: <parameter> }` becomes
 * e.g. `{ Ref: <authorizer in the parent> }`), so an assertion can name the resource it points at.
 */
export function parentValue(stack: Stack, value: unknown): unknown {
  const parent = stack.nestedStackParent;
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  if (!parent || !stack.nestedStackResource || typeof ref !== 'string') return value;
  if (!(ref in (templateOf(stack).toJSON().Parameters ?? {}))) return value;
  const resource = templateOf(parent).toJSON().Resources[parent.getLogicalId(stack.nestedStackResource)];
  return parentValue(parent, resource.Properties.Parameters[ref]);
}
