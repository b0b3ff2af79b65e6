// CDK entry point (cdk.json: "app": "node infra/app.ts").
//
// Context keys (cdk.json "context", or `-c key=value` on the command line):
//   portico:region            Home region for data, auth, mail and API (required, e.g. eu-west-1).
//                             The edge stack is always in us-east-1 (CloudFront certificates).
//   portico:account           AWS account id for all stacks (optional; defaults to CDK_DEFAULT_ACCOUNT,
//                             else the stacks stay account-agnostic, which is enough to synth).
//   portico:domainName        Dashboard host, e.g. portico.example.com (required). Studio portals
//                             are served on <slug>.<domainName>; the certificate covers both.
//   portico:hostedZoneId      Route 53 public zone id (optional). When set: DNS-validated certificate,
//                             A/AAAA alias records for the apex and wildcard, SES domain identity with
//                             DKIM records. When empty: no DNS records are created.
//   portico:hostedZoneName    Name of that zone (optional; defaults to domainName). Set it when the
//                             zone is a parent domain, e.g. example.com for portico.example.com.
//   portico:certificateArn    Existing us-east-1 ACM certificate for domainName and *.domainName
//                             (optional). When empty, a certificate is created with DNS validation:
//                             without a zone, add the CNAMEs ACM shows while the deployment waits.
//   portico:senderEmail       From address of Portico's emails (required). With a zone, the address's
//                             domain is verified in SES; without one, the address itself is.
//   portico:signUpMode        Who may create a studio: closed (default: only the operator, with
//                             `npm run create-studio`), invite (a sign-up needs a code from
//                             `npm run signup-code`) or open (anyone). Reaches the Lambdas as SIGNUP_MODE.
//   portico:priceClass        CloudFront price class: 100 (default), 200 or All.
//   portico:stackPrefix       Stack name prefix (default Portico: PorticoData, PorticoApi, ...).
//   portico:functionMemorySize  Memory of every route Lambda in MB (default 512), but those whose
//                             route sets `bundle` (shared/route-def.ts).
//   portico:bundleAwsSdk      true: bundle the AWS SDK into every Lambda (the versions package-lock.json
//                             pins) instead of using the one Lambda's nodejs24.x runtime provides (default).
//   portico:originSecretRotation  Any new value (e.g. a date) redeploys the distribution with the origin
//                             secret's current value, after `put-secret-value` (README, Deploy).
//   portico:skipBundling      true: no esbuild run (a quick check: `npx cdk synth -q -c portico:skipBundling=true`).
//                             The CLI rejects user context under aws:, so this sets aws:cdk:bundling-stacks=[]
//                             (what the in-process tests set). Handlers that do not exist yet then
//                             get a placeholder instead of failing the synth. Never deploy such a synth.
import { App, Validations } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildPortico, porticoPropsFromContext } from './portico.ts';

const app = new App();
if (String(app.node.tryGetContext('portico:skipBundling')) === 'true') app.node.setContext(BUNDLING_STACKS, []);
buildPortico(app, porticoPropsFromContext(app));
// Synthesis fails on any unacknowledged AwsSolutions error; each acknowledgement states its reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
