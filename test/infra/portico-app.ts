// Builds the Portico CDK app in-process the way `cdk synth` would, minus esbuild: tests must stay
// fast and must not depend on every handler file existing yet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildPortico, type PorticoStacks, porticoPropsFromContext } from '../../infra/portico.ts';

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
}

export function buildTestApp(context: Record<string, unknown> = {}): BuiltApp {
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'portico-cdk-')),
    context: { ...TEST_CONTEXT, ...context, 'aws:cdk:bundling-stacks': [] },
  });
  const stacks = buildPortico(app, porticoPropsFromContext(app));
  app.synth();
  return { app, stacks };
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
      path: r.constructPath ?? r.resourceLogicalId,
      description: v.description,
    })),
  );
}
