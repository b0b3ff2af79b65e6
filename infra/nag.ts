// cdk-nag 3 acknowledgements go through CDK's own Validations API, one exact rule id per call.
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
// cdk-nag's own flattening, so the finding ids computed here match the ones it reports.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, reason: string, ...ruleIds: string[]): void {
  for (const id of ruleIds) Validations.of(scope).acknowledge({ id, reason });
}

/** Turns a value (token or string) into the text cdk-nag uses for it in finding ids, e.g. `<Bucket.Arn>/*`. */
export type Flatten = (value: string) => string;

/**
 * Acknowledges AwsSolutions-IAM5 (wildcard) findings of an IAM policy or role, choosing each
 * finding's reason with `explain` (undefined leaves the finding for cdk-nag to report).
 *
 * It runs at synthesis, after cross-stack references have taken their final form (an ARN from
 * another stack becomes an Fn::ImportValue whose generated name appears in the finding id), since
 * cdk-nag 3 matches acknowledgements by exact id.
 */
export function acknowledgeWildcards(scope: IConstruct, explain: (finding: string, flatten: Flatten) => string | undefined): void {
  scope.node.addValidation({
    validate: () => {
      const stack = Stack.of(scope);
      const flatten: Flatten = (value) => flattenCfnReference(stack.resolve(value));
      for (const node of scope.node.findAll()) {
        for (const document of policyDocuments(node)) {
          for (const finding of wildcardFindings(stack.resolve(document))) {
            const reason = explain(finding, flatten);
            if (reason) acknowledge(node, reason, `AwsSolutions-IAM5[${finding}]`);
          }
        }
      }
      return [];
    },
  });
}

function policyDocuments(node: IConstruct): unknown[] {
  if (node instanceof iam.CfnPolicy) return [node.policyDocument];
  if (node instanceof iam.CfnRole)
    return (Stack.of(node).resolve(node.policies) ?? []).map((p: { policyDocument: unknown }) => p.policyDocument);
  return [];
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

/** The IAM5 finding ids of a resolved policy document, as cdk-nag derives them. */
function wildcardFindings(document: { Statement?: Statement[] }): string[] {
  const findings = new Set<string>();
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of list(statement.Action)) if (String(action).includes('*')) findings.add(`Action::${String(action)}`);
    for (const resource of list(statement.Resource)) {
      const flat = flattenCfnReference(resource);
      if (flat.includes('*')) findings.add(`Resource::${flat}`);
    }
  }
  return [...findings];
}
