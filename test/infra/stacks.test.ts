// The CDK app as configured by default (no hosted zone): one in-process synthesis, many assertions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../infra/portico.ts';
import { COGNITO_ADMIN_ACTIONS } from '../../infra/stacks/api-stack.ts';
import { IDEMPOTENCY_LEADING_KEY } from '../../shared/data/idempotency.ts';
import { objects } from '../../shared/data/objects.ts';
import { TABLE } from '../../shared/data/table.ts';
import { ORIGIN_SECRET_HEADER } from '../../shared/origin-header.ts';
import { isIdempotent, routeList } from '../../shared/routes.ts';
import { contentSecurityPolicy, securityHeaders } from '../../shared/security-headers.ts';
import { socketRouteList } from '../../shared/sockets.ts';
import { type BuiltApp, buildTestApp, located, nagFindings, parentValue, TEST_CONTEXT, templateOf } from './portico-app.ts';

const DOMAIN = TEST_CONTEXT['portico:domainName'];

let built: BuiltApp;
let data: Template;
let auth: Template;
let mail: Template;
let api: Template;
let edge: Template;

beforeAll(() => {
  built = buildTestApp();
  const { stacks } = built;
  data = Template.fromStack(stacks.data);
  auth = Template.fromStack(stacks.auth);
  mail = Template.fromStack(stacks.mail);
  api = Template.fromStack(stacks.api);
  edge = Template.fromStack(stacks.edge);
});
afterAll(() => built?.dispose());

type Resource = { Type: string; Properties: Record<string, any> };
const only = (template: Template, type: string): Resource => {
  const found = Object.values(template.findResources(type)) as Resource[];
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** The portals' and dashboard's distribution (the other one is the custom domains' multi-tenant one). */
const mainDistribution = (template: Template): Resource => {
  const found = (Object.values(template.findResources('AWS::CloudFront::Distribution')) as Resource[]).filter(
    (d) => d.Properties.DistributionConfig.ConnectionMode === undefined,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** A CloudFormation string with every intrinsic (token) replaced by `marker`. */
const flatten = (value: unknown, marker: string): string => {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map((part) => flatten(part, marker)).join(join[0]);
  return marker;
};

describe('stacks', () => {
  it('puts data, auth, mail and API in the home region and the edge in us-east-1', () => {
    const { data, auth, mail, api, edge } = built.stacks;
    expect([data, auth, mail, api].map((s) => s.region)).toEqual(Array(4).fill(TEST_CONTEXT['portico:region']));
    expect(edge.region).toBe('us-east-1');
    expect([data, auth, mail, api, edge].map((s) => s.stackName)).toEqual([
      'PorticoData',
      'PorticoAuth',
      'PorticoMail',
      'PorticoApi',
      'PorticoEdge',
    ]);
  });

  it('outputs the dashboard URL, API URL, table, bucket and pool ids', () => {
    edge.hasOutput('DashboardUrl', { Value: `https://${DOMAIN}` });
    api.hasOutput('ApiUrl', {});
    data.hasOutput('TableName', {});
    data.hasOutput('BucketName', {});
    for (const id of ['StudioPoolId', 'StudioPoolClientId', 'ClientPoolId', 'ClientPoolClientId']) auth.hasOutput(id, {});
  });
});

describe('data stack', () => {
  it('has the single table with its keys, GSIs, TTL, PITR and deletion protection, retained', () => {
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE.gsis.map((gsi) =>
          Match.objectLike({
            IndexName: gsi.indexName,
            KeySchema: [
              { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
              { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('keeps the files bucket private, encrypted, TLS-only and logged', () => {
    data.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
        CorsConfiguration: Match.anyValue(),
      }),
    });
    data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('lets the dashboard and portal origins upload with presigned URLs (ETag exposed)', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: [`https://${DOMAIN}`, `https://*.${DOMAIN}`],
            AllowedMethods: Match.arrayEquals(['GET', 'PUT', 'HEAD']),
            ExposedHeaders: ['ETag'],
          }),
        ],
      },
    });
  });

  it('aborts stale multipart uploads after 2 days and expires tmp/ after 1 day', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: Match.anyValue(),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 }, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'tmp/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it("expires releases' bundles (tmp/bundles/) and gallery ZIPs after 1 day, and nothing a release keeps", () => {
    const bucket = Object.values(
      data.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } }),
    )[0] as Resource;
    const rules = bucket.Properties.LifecycleConfiguration.Rules as { Prefix?: string; ExpirationInDays?: number }[];
    const expiresIn = (key: string) => rules.find((r) => r.Prefix && r.ExpirationInDays && key.startsWith(r.Prefix))?.ExpirationInDays;
    const [studio, release, bundle] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'b1'];
    expect(expiresIn(objects.releaseBundle(studio, release, bundle))).toBe(1);
    expect(expiresIn(objects.zipOutput('job', 'gallery'))).toBe(1);
    // What a release must keep: its document, its signatures and its sealed PDF.
    for (const key of [
      objects.releaseDocument(studio, release),
      objects.releaseSealed(studio, release),
      objects.releaseSignature(studio, release, 's1'),
    ])
      expect(expiresIn(key), key).toBeUndefined();
  });
});

describe('auth stack', () => {
  it('has a studio pool and a client pool, admin-created users only', () => {
    auth.resourceCountIs('AWS::Cognito::UserPool', 2);
    const pools = Object.values(auth.findResources('AWS::Cognito::UserPool')) as (Resource & { DeletionPolicy: string })[];
    for (const pool of pools) {
      expect(pool.DeletionPolicy).toBe('Retain');
      expect(pool.Properties).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameConfiguration: { CaseSensitive: false },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        Policies: { PasswordPolicy: { MinimumLength: 10, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true } },
        UserPoolTier: 'ESSENTIALS',
      });
      expect(pool.Properties.Schema).toContainEqual(expect.objectContaining({ Name: 'email', Required: true }));
      expect(pool.Properties.AliasAttributes ?? []).toEqual([]);
      expect(pool.Properties.UsernameAttributes ?? []).toEqual([]);
    }
  });

  it('gives each pool one secretless app client for admin password auth', () => {
    auth.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    const clients = Object.values(auth.findResources('AWS::Cognito::UserPoolClient')) as Resource[];
    const poolRefs = clients.map((c) => c.Properties.UserPoolId.Ref);
    expect(new Set(poolRefs).size).toBe(2);
    for (const client of clients) {
      expect(client.Properties).toMatchObject({
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 43200,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: 'ENABLED',
        AllowedOAuthFlowsUserPoolClient: false,
      });
      expect(client.Properties.GenerateSecret ?? false).toBe(false);
    }
  });
});

describe('mail stack', () => {
  it('verifies the sender address when there is no hosted zone', () => {
    mail.resourceCountIs('AWS::SES::EmailIdentity', 1);
    mail.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: TEST_CONTEXT['portico:senderEmail'] });
    mail.resourceCountIs('AWS::Route53::RecordSet', 0);
  });
});

const originSecretId = () => built.stacks.api.getLogicalId(built.stacks.api.originSecret.node.defaultChild as CfnElement);
/** The seal key's secret (data stack) as another stack names it: the import of its ARN. */
const sealKeyImport = () => {
  const id = built.stacks.data.getLogicalId(built.stacks.data.sealKey.secret.node.defaultChild as CfnElement);
  return { 'Fn::ImportValue': expect.stringMatching(new RegExp(`^PorticoData:ExportsOutputRef${id}`)) };
};

/** The live stage's @connections, as 'sockets:post' grants them: the API's id flattened to <api>. */
const LIVE_CONNECTIONS = ['DELETE', 'POST'].map(
  (method) => `arn:aws:execute-api:${TEST_CONTEXT['portico:region']}:123456789012:<api>/ws/${method}/@connections/*`,
);
const connectionArns = (resource: unknown, resolve: (r: unknown) => unknown = (r) => r) =>
  [resource]
    .flat()
    .map((r) => flatten(resolve(r), '<api>'))
    .sort();

describe('api stack', () => {
  // The routes and their functions live in the API stack's nested stacks, one per feature: each
  // route's resources are looked up in the template of the stack that holds its function.
  const routeFunction = (id: string) => {
    const fn = built.stacks.api.functions.get(id);
    if (!fn) throw new Error(`no function for route ${id}`);
    return fn;
  };
  const functionOf = (id: string) => {
    const { template, logicalId } = located(routeFunction(id));
    return { template, resource: template.toJSON().Resources[logicalId] as Resource };
  };
  const routeTemplates = () => built.stacks.api.routeStacks.map(templateOf);
  const arm64Node24 = { Properties: { Runtime: 'nodejs24.x', Architectures: ['arm64'] } };

  it('has exactly one nodejs24.x arm64 function per route of the route table', () => {
    expect(built.stacks.api.functions.size).toBe(routeList.length);
    // (The cross-region export writer is a Lambda too, CDK's own, on x86. The parent's own are the live socket's.)
    expect(Object.keys(api.findResources('AWS::Lambda::Function', arm64Node24))).toHaveLength(socketRouteList.length);
    const counts = routeTemplates().map((t) => Object.keys(t.findResources('AWS::Lambda::Function', arm64Node24)).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(routeList.length);
    for (const route of routeList) {
      const { template, logicalId } = located(routeFunction(route.id));
      const fn = template.findResources('AWS::Lambda::Function', arm64Node24)[logicalId] as Resource;
      expect(fn, route.id).toBeDefined();
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        Handler: 'index.handler',
        // A route's `bundle` sizes its function (the releases' PDF routes); the others get the defaults.
        MemorySize: route.bundle?.memorySize ?? 512,
        Timeout: route.bundle?.timeoutSeconds ?? 10,
        Description: `${route.method} ${route.path}`,
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', LogGroup: expect.anything() },
      });
    }
  });

  it('gives every function the environment shared/config.ts reads', () => {
    const source = readFileSync(join(ROOT_DIR, 'shared', 'config.ts'), 'utf8');
    const required = [...source.matchAll(/required\('([A-Z0-9_]+)'\)/g)].map((m) => m[1] ?? '');
    expect(required).toContain('TABLE_NAME');
    for (const route of routeList) {
      const fn = functionOf(route.id).resource;
      const variables = fn.Properties.Environment.Variables;
      for (const name of [...required, 'PUBLIC_SCHEME', 'PUBLIC_PORT', 'POWERTOOLS_SERVICE_NAME'])
        expect(variables, `${route.id} ${name}`).toHaveProperty(name);
      expect(variables).toMatchObject({ PORTAL_DOMAIN: DOMAIN, PUBLIC_SCHEME: 'https', POWERTOOLS_SERVICE_NAME: 'portico' });
      // Sign-up is closed unless the deployer opens it (portico:signUpMode).
      expect(variables, route.id).toMatchObject({ SIGNUP_MODE: 'closed' });
    }
  });

  it('keeps each function log group for a month', () => {
    for (const route of routeList) {
      const { template, resource: fn } = functionOf(route.id);
      const group = template.toJSON().Resources[fn.Properties.LoggingConfig.LogGroup.Ref] as Resource;
      expect(group.Properties.RetentionInDays).toBe(30);
    }
  });

  it('has one HTTP API route per table entry, with the pool authorizer its auth names', () => {
    const authorizers = api.findResources('AWS::ApiGatewayV2::Authorizer');
    const authorizerByName: Record<string, Record<string, any>> = Object.fromEntries(
      Object.entries(authorizers).map(([id, a]) => [(a as Resource).Properties.Name, { id, ...(a as Resource).Properties }]),
    );
    expect(Object.keys(authorizerByName).sort()).toEqual(['client', 'studio']);
    for (const [name, authorizer] of Object.entries(authorizerByName)) {
      expect(authorizer.AuthorizerType).toBe('JWT');
      const issuer = flatten(authorizer.JwtConfiguration.Issuer, '<pool>');
      expect(issuer).toBe(`https://cognito-idp.${TEST_CONTEXT['portico:region']}.<pool>/<pool>`);
      const pool = JSON.stringify(authorizer.JwtConfiguration.Issuer);
      expect(pool).toContain(name === 'studio' ? 'StudioPool' : 'ClientPool');
      expect(JSON.stringify(authorizer.JwtConfiguration.Audience)).toContain(
        name === 'studio' ? 'StudioPoolAppClient' : 'ClientPoolAppClient',
      );
    }

    // Authorizers only in the parent: the nested stacks get their ids as parameters.
    for (const template of routeTemplates()) template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    // The parent's own routes are the live socket's (see 'live sockets').
    api.resourceCountIs('AWS::ApiGatewayV2::Route', socketRouteList.length);
    const routes = built.stacks.api.routeStacks.flatMap((stack) =>
      (Object.values(templateOf(stack).findResources('AWS::ApiGatewayV2::Route')) as Resource[]).map((r) => ({ stack, ...r })),
    );
    expect(routes).toHaveLength(routeList.length);
    const httpApiId = built.stacks.api.getLogicalId(built.stacks.api.httpApi.node.defaultChild as CfnElement);
    for (const route of routeList) {
      const found = routes.filter((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(found, route.id).toHaveLength(1);
      const { stack, Properties: props } = found[0]!;
      expect(parentValue(stack, props.ApiId), route.id).toEqual({ Ref: httpApiId });
      if (route.auth === 'public') {
        expect(props.AuthorizationType, route.id).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      } else {
        expect(props.AuthorizationType, route.id).toBe('JWT');
        expect(parentValue(stack, props.AuthorizerId), route.id).toEqual({ Ref: authorizerByName[route.auth]!.id });
      }
    }
  });

  it('logs API access in the $default stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  describe('least privilege', () => {
    const statementsOf = (routeId: string) => {
      const { template, logicalId: roleId } = located(routeFunction(routeId).role!);
      const roleResource = template.toJSON().Resources[roleId] as Resource;
      expect(roleResource.Properties.ManagedPolicyArns, `${routeId} has managed policies`).toBeUndefined();
      const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
      return policies
        .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[]);
    };
    const actionsOf = (statements: ReturnType<typeof statementsOf>) => statements.flatMap((s) => [s.Action].flat());

    it.each(routeList.map((r) => [r.id, r] as const))('%s holds only what its grants imply', (_id, route) => {
      const statements = statementsOf(route.id);
      const actions = actionsOf(statements);
      const has = (grant: string) => (route.grants as readonly string[]).includes(grant);

      // The one Deny: no update or delete of a release's audit records (infra/lambda.ts), with table:write.
      const denies = statements.filter((s) => s.Effect !== 'Allow');
      expect(denies.map((d) => [d.Action].flat().sort().join(' '))).toEqual(
        has('table:write') ? ['dynamodb:BatchWriteItem dynamodb:DeleteItem dynamodb:UpdateItem'] : [],
      );
      expect(
        statements.flatMap((s) => [s.Resource].flat()),
        'no bare * resource',
      ).not.toContain('*');

      // Logging: only its own log group.
      const logs = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(logs).toHaveLength(1);
      expect(actionsOf(logs).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      const fn = functionOf(route.id).resource;
      expect(logs[0]!.Resource).toEqual({ 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] });

      // The wrapper's own need, on every route: read the origin secret (see 'origin secret'); and the
      // seal key's, for a route holding 'seal:key'. Reading only, nothing else of Secrets Manager.
      const secrets = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')));
      expect(new Set(actionsOf(secrets))).toEqual(new Set(['secretsmanager:GetSecretValue']));
      const secretResources = secrets
        .flatMap((s) => [s.Resource].flat())
        .map((r) => parentValue(located(routeFunction(route.id)).stack, r));
      const expectedSecrets = [{ Ref: originSecretId() }, ...(has('seal:key') ? [sealKeyImport()] : [])];
      expect(secretResources).toHaveLength(expectedSecrets.length);
      expect(secretResources).toEqual(expect.arrayContaining(expectedSecrets));

      // A POST keeps its answers for retries (shared/http/idempotency.ts): a route that may not write
      // the table may still write those items, and only those (their partition keys' prefix).
      const keepsAnswersOnly = isIdempotent(route) && !has('table:write');
      const answers = statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s).includes('dynamodb:LeadingKeys'));
      expect(answers.length).toBe(Number(keepsAnswersOnly));
      for (const s of answers) expect(JSON.stringify(s)).toContain(JSON.stringify([IDEMPOTENCY_LEADING_KEY]));

      const services = new Set(actions.map((a) => a.split(':')[0]));
      const allowed = new Set(['logs', 'secretsmanager']);
      if (has('table:read') || has('table:write') || keepsAnswersOnly) allowed.add('dynamodb');
      if (has('bucket:read') || has('bucket:write')) allowed.add('s3');
      if (has('mail:send')) allowed.add('ses');
      if (has('studioPool:admin') || has('clientPool:admin')) allowed.add('cognito-idp');
      if (has('cdn:tenants')) allowed.add('lambda');
      if (has('sockets:post')) allowed.add('execute-api');
      if (has('payments:secrets')) allowed.add('kms');
      expect([...services].sort()).toEqual([...allowed].sort());

      // The vault's key (test/infra/payments-key.test.ts): GenerateDataKey and Decrypt, for a studioId context.
      const kms = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('kms:')));
      expect(kms.map((s) => [actionsOf([s]).sort(), (s as { Condition?: unknown }).Condition])).toEqual(
        has('payments:secrets')
          ? [[['kms:Decrypt', 'kms:GenerateDataKey'], { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': ['studioId'] } }]]
          : [],
      );

      // Live sockets: ManageConnections on the live stage's @connections only, and the endpoint to send to.
      const manage = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('execute-api:')));
      const stack = located(routeFunction(route.id)).stack;
      expect(manage.map((s) => [actionsOf([s]), connectionArns(s.Resource, (r) => parentValue(stack, r))])).toEqual(
        has('sockets:post') ? [[['execute-api:ManageConnections'], LIVE_CONNECTIONS]] : [],
      );
      const variables = functionOf(route.id).resource.Properties.Environment.Variables;
      expect('SOCKETS_ENDPOINT' in variables, `${route.id} SOCKETS_ENDPOINT`).toBe(has('sockets:post'));
      expect('SEAL_KEY_SECRET_ID' in variables, `${route.id} SEAL_KEY_SECRET_ID`).toBe(has('seal:key'));
      expect('PAYMENTS_KEY_ID' in variables, `${route.id} PAYMENTS_KEY_ID`).toBe(has('payments:secrets'));

      expect(actions.includes('dynamodb:Query')).toBe(has('table:read') || has('table:write'));
      expect(actions.includes('dynamodb:PutItem')).toBe(has('table:write') || keepsAnswersOnly);
      expect(actions.includes('s3:GetObject*')).toBe(has('bucket:read') || has('bucket:write'));
      expect(actions.includes('s3:PutObject')).toBe(has('bucket:write'));
      expect(actions.includes('ses:SendEmail')).toBe(has('mail:send'));

      // Cognito admin actions: the fixed list, on exactly the pools granted.
      const cognito = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('cognito-idp:')));
      for (const s of cognito) expect([s.Action].flat().sort()).toEqual([...COGNITO_ADMIN_ACTIONS].sort());
      const pools = cognito.flatMap((s) => [s.Resource].flat()).map((r) => JSON.stringify(r));
      expect(pools).toHaveLength(Number(has('studioPool:admin')) + Number(has('clientPool:admin')));
      expect(pools.some((p) => p.includes('StudioPool'))).toBe(has('studioPool:admin'));
      expect(pools.some((p) => p.includes('ClientPool'))).toBe(has('clientPool:admin'));

      // The custom domains' CDN tenants: only invoking the edge stack's tenants function, by its name.
      const invokes = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('lambda:')));
      expect(invokes.map((s) => [actionsOf([s]), flatten(s.Resource, '<account>')])).toEqual(
        has('cdn:tenants') ? [[['lambda:InvokeFunction'], 'arn:aws:lambda:us-east-1:123456789012:function:Portico-cdn-tenants']] : [],
      );
    });

    it('gives the health check nothing beyond its logs and the origin secret', () => {
      expect(actionsOf(statementsOf('getHealth')).sort()).toEqual([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'secretsmanager:GetSecretValue',
      ]);
    });
  });
});

describe('live sockets (WebSocket API)', () => {
  const socketsApiId = () => built.stacks.api.getLogicalId(built.stacks.api.sockets.api.node.defaultChild as CfnElement);
  const socketFunction = (id: string) => {
    const fn = built.stacks.api.sockets.functions.get(id);
    if (!fn) throw new Error(`no function for socket route ${id}`);
    const roleId = built.stacks.api.getLogicalId(fn.role!.node.defaultChild as CfnElement);
    const resources = api.toJSON().Resources as Record<string, Resource>;
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref: string }) => x.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const logicalId = built.stacks.api.getLogicalId(fn.node.defaultChild as CfnElement);
    return { statements, resource: resources[logicalId]! };
  };

  it('is one WebSocket API with a stage named after the path CloudFront forwards, access-logged', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' });
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: 'ws',
      AutoDeploy: true,
      ApiId: { Ref: socketsApiId() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
  });

  it('routes $connect, $disconnect and $default to one function each (shared/sockets.ts)', () => {
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(socketRouteList.map((r) => r.routeKey).sort());
    expect(built.stacks.api.sockets.functions.size).toBe(socketRouteList.length);
    for (const r of routes) expect(r.Properties.ApiId).toEqual({ Ref: socketsApiId() });
  });

  it('gives each socket function only what its grants imply', () => {
    const services = (id: string) =>
      [
        ...new Set(
          socketFunction(id)
            .statements.flatMap((s) => [s.Action].flat())
            .map((a) => a.split(':')[0]),
        ),
      ].sort();
    expect(services('connectSocket')).toEqual(['dynamodb', 'logs', 'secretsmanager']);
    expect(services('disconnectSocket')).toEqual(['dynamodb', 'logs']);
    expect(services('socketMessage')).toEqual(['execute-api', 'logs']);
    const message = socketFunction('socketMessage');
    const manage = message.statements.find((s) => [s.Action].flat().includes('execute-api:ManageConnections'))!;
    expect(connectionArns(manage.Resource)).toEqual(LIVE_CONNECTIONS);
    expect(message.resource.Properties.Environment.Variables.SOCKETS_ENDPOINT).toBeDefined();
    expect(socketFunction('connectSocket').resource.Properties.Environment.Variables.ORIGIN_SECRET_ID).toEqual({ Ref: originSecretId() });
  });

  it('is served under /ws, uncached, with the api viewer function and the origin secret', () => {
    const { DistributionConfig: config } = mainDistribution(edge).Properties;
    const behavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/ws');
    expect(behavior).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      FunctionAssociations: [
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^ApiViewerRequest/), 'FunctionARN'] } },
      ],
    });
    const origin = config.Origins.find((o: any) => o.Id === behavior.TargetOriginId);
    expect(origin.OriginPath ?? '').toBe('');
    expect(origin.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: '{{resolve:secretsmanager:Portico/origin-secret:SecretString:::}}' },
    ]);
    expect(flatten(origin.DomainName, '<x>')).toBe(`<x>.execute-api.${TEST_CONTEXT['portico:region']}.<x>`);
  });
});

describe('origin secret (only CloudFront may call the API)', () => {
  const NAME = 'Portico/origin-secret';

  it('is generated by CloudFormation in the home region and replicated to the edge region', () => {
    const secret = only(api, 'AWS::SecretsManager::Secret');
    expect(secret.Properties).toMatchObject({
      Name: NAME,
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      ReplicaRegions: [{ Region: 'us-east-1' }],
    });
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it("is the /api/* origin's custom header, as a dynamic reference (no value in the template)", () => {
    const { DistributionConfig: config } = mainDistribution(edge).Properties;
    const behavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    const apiOrigin = config.Origins.find((o: any) => o.Id === behavior.TargetOriginId);
    expect(apiOrigin.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: `{{resolve:secretsmanager:${NAME}:SecretString:::}}` },
    ]);
    // The site's origin sends no secret.
    const site = config.Origins.find((o: any) => o.S3OriginConfig);
    expect(site.OriginCustomHeaders).toBeUndefined();
  });

  it("is named in every route function's environment, by the secret's ARN", () => {
    for (const route of routeList) {
      const { stack, template, logicalId } = located(built.stacks.api.functions.get(route.id)!);
      const variables = (template.toJSON().Resources[logicalId] as Resource).Properties.Environment.Variables;
      expect(parentValue(stack, variables.ORIGIN_SECRET_ID), route.id).toEqual({ Ref: originSecretId() });
    }
  });

  it('changes the distribution when the operator rotates (portico:originSecretRotation)', () => {
    const rotated = buildTestApp({ 'portico:originSecretRotation': '2026-12-01' });
    try {
      const { DistributionConfig: config } = mainDistribution(Template.fromStack(rotated.stacks.edge)).Properties;
      expect(config.Comment).toBe(`Portico ${DOMAIN} (origin secret 2026-12-01)`);
    } finally {
      rotated.dispose();
    }
  });
});

describe('edge stack', () => {
  it('creates the wildcard certificate with DNS validation', () => {
    edge.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: DOMAIN,
      SubjectAlternativeNames: [`*.${DOMAIN}`],
      ValidationMethod: 'DNS',
    });
    edge.resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  it('serves the apex and every subdomain over TLS 1.2+, HTTP/2 and 3, logged', () => {
    const { DistributionConfig: config } = mainDistribution(edge).Properties;
    expect(config).toMatchObject({
      Aliases: [DOMAIN, `*.${DOMAIN}`],
      HttpVersion: 'http2and3',
      PriceClass: 'PriceClass_100',
      ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only', AcmCertificateArn: expect.anything() },
      Logging: { Bucket: expect.anything() },
    });
  });

  it('serves the site bucket through Origin Access Control, with the site function', () => {
    const { DistributionConfig: config } = mainDistribution(edge).Properties;
    const site = config.Origins.find((o: any) => o.S3OriginConfig);
    expect(site.OriginAccessControlId).toBeDefined();
    expect(site.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: site.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // Managed-CachingOptimized
      ResponseHeadersPolicyId: { Ref: expect.any(String) },
      FunctionAssociations: [
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SiteViewerRequest/), 'FunctionARN'] } },
      ],
    });
    edge.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
  });

  it('sends /api/* uncached to the HTTP API, with the viewer host and the api function', () => {
    const { DistributionConfig: config } = mainDistribution(edge).Properties;
    expect(config.CacheBehaviors).toHaveLength(2);
    const behavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(behavior).toMatchObject({
      PathPattern: '/api/*',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      FunctionAssociations: [
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^ApiViewerRequest/), 'FunctionARN'] } },
      ],
    });
    expect(behavior.ResponseHeadersPolicyId).toEqual(config.DefaultCacheBehavior.ResponseHeadersPolicyId);
    const origin = config.Origins.find((o: any) => o.Id === behavior.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(flatten(origin.DomainName, '<x>')).toBe(`<x>.execute-api.${TEST_CONTEXT['portico:region']}.<x>`);
  });

  it('answers with the security headers of shared/security-headers.ts', () => {
    const config = only(edge, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig;
    const marker = '<files-bucket>';
    const expected = securityHeaders({ storageOrigin: `https://${marker}` });
    const security = config.SecurityHeadersConfig;

    expect(flatten(security.ContentSecurityPolicy.ContentSecurityPolicy, marker)).toBe(
      contentSecurityPolicy({ storageOrigin: `https://${marker}` }),
    );
    expect(JSON.stringify(security.ContentSecurityPolicy)).toContain('RegionalDomainName');
    expect(security.ContentSecurityPolicy.Override).toBe(true);
    expect(expected['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
    expect(security.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Preload: true,
      Override: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: expected['x-frame-options'], Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: expected['referrer-policy'], Override: true });

    const native = ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];
    const custom = Object.entries(expected).filter(([name]) => !native.includes(name));
    expect(config.CustomHeadersConfig.Items).toEqual(custom.map(([Header, Value]) => ({ Header, Value, Override: true })));
  });

  it('creates both CloudFront Functions from infra/edge, the dashboard host filled in', () => {
    const functions = Object.entries(edge.findResources('AWS::CloudFront::Function')) as [string, Resource][];
    expect(functions).toHaveLength(2);
    const code = (prefix: string) => {
      const fn = functions.find(([id]) => id.startsWith(prefix))?.[1];
      expect(fn?.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
      expect(fn?.Properties.AutoPublish).toBe(true);
      return fn?.Properties.FunctionCode as string;
    };
    const site = readFileSync(join(ROOT_DIR, 'infra', 'edge', 'site-viewer-request.js'), 'utf8');
    expect(code('SiteViewerRequest')).toBe(site.replaceAll('__DASHBOARD_HOST__', DOMAIN));
    expect(code('SiteViewerRequest')).not.toContain('__DASHBOARD_HOST__');
    expect(code('ApiViewerRequest')).toBe(readFileSync(join(ROOT_DIR, 'infra', 'edge', 'api-viewer-request.js'), 'utf8'));
  });

  it('keeps the site bucket private and TLS-only', () => {
    const buckets = Object.values(edge.findResources('AWS::S3::Bucket')) as Resource[];
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });
});

describe('custom domains (CloudFront SaaS Manager)', () => {
  const tenantDistribution = () => {
    const found = Object.entries(edge.findResources('AWS::CloudFront::Distribution')).filter(
      ([, d]) => (d as Resource).Properties.DistributionConfig.ConnectionMode === 'tenant-only',
    );
    expect(found).toHaveLength(1);
    return found[0] as [string, Resource];
  };

  it('has one connection group, whose routing endpoint *.domains.<domain> points at', () => {
    const group = only(edge, 'AWS::CloudFront::ConnectionGroup');
    expect(group.Properties).toMatchObject({ Name: 'PorticoEdge-custom-domains', Enabled: true, Ipv6Enabled: true });
    const [groupId] = Object.keys(edge.findResources('AWS::CloudFront::ConnectionGroup'));
    const output = edge.toJSON().Outputs.CustomDomainTargets.Value;
    expect(JSON.stringify(output)).toContain(`*.domains.${DOMAIN} CNAME `);
    expect(JSON.stringify(output)).toContain(`"${groupId}","RoutingEndpoint"`);
  });

  it('serves custom domains from a second, multi-tenant distribution with the same site, API and functions', () => {
    const distributions = Object.values(edge.findResources('AWS::CloudFront::Distribution')) as Resource[];
    expect(distributions).toHaveLength(2);
    const [, tenant] = tenantDistribution();
    const main = distributions.find((d) => d !== tenant)!;
    const config = tenant.Properties.DistributionConfig;
    // The connection group holds these for a multi-tenant distribution.
    for (const key of ['Aliases', 'PriceClass', 'IPV6Enabled', 'ViewerCertificate']) expect(config[key], key).toBeUndefined();
    const fns = (c: any) => [c.DefaultCacheBehavior, ...c.CacheBehaviors].map((b: any) => [b.PathPattern ?? '*', b.FunctionAssociations]);
    expect(fns(config)).toEqual(fns(main.Properties.DistributionConfig));
    expect(config.CacheBehaviors.map((b: any) => b.PathPattern)).toEqual(['/api/*', '/ws']);
    // No tenant in the template: they are made at run time, one per domain.
    edge.resourceCountIs('AWS::CloudFront::DistributionTenant', 0);
  });

  it('lets only the tenants function touch distribution tenants, on that distribution and group', () => {
    const [distributionId] = tenantDistribution();
    const [groupId] = Object.keys(edge.findResources('AWS::CloudFront::ConnectionGroup'));
    const fns = Object.values(edge.findResources('AWS::Lambda::Function')) as Resource[];
    const fn = fns.find((f) => f.Properties.FunctionName === 'Portico-cdn-tenants')!;
    expect(fn.Properties.Environment.Variables).toMatchObject({
      CDN_TENANT_DISTRIBUTION_ID: { Ref: distributionId },
      CDN_CONNECTION_GROUP_ID: { 'Fn::GetAtt': [groupId, 'Id'] },
    });
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = (Object.values(edge.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const cloudfrontOnes = statements
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('cloudfront:')))
      .map((s) => [
        [s.Action].flat().sort(),
        [s.Resource]
          .flat()
          .map((r) => flatten(r, '<token>'))
          .sort(),
      ]);
    const tenantsArn = 'arn:aws:cloudfront::123456789012:distribution-tenant/*';
    expect(cloudfrontOnes).toEqual([
      [['cloudfront:CreateDistributionTenant'], ['<token>', tenantsArn, 'arn:aws:cloudfront::123456789012:distribution/<token>']],
      [
        [
          'cloudfront:DeleteDistributionTenant',
          'cloudfront:GetDistributionTenant',
          'cloudfront:GetManagedCertificateDetails',
          'cloudfront:UpdateDistributionTenant',
        ],
        [tenantsArn],
      ],
    ]);
    // The tokens: this distribution and this connection group.
    const create = JSON.stringify(statements.find((s) => [s.Action].flat().includes('cloudfront:CreateDistributionTenant')));
    expect(create).toContain(JSON.stringify({ Ref: distributionId }));
    expect(create).toContain(JSON.stringify({ 'Fn::GetAtt': [groupId, 'Arn'] }));
    const services = new Set(statements.flatMap((s) => [s.Action].flat()).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['cloudfront', 'logs']);
    // No other function of any stack may call CloudFront's tenant API.
    for (const other of fns.filter((f) => f !== fn)) expect(JSON.stringify(other)).not.toContain('DistributionTenant');
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged errors', () => {
    const findings = nagFindings(built.app);
    const warnings = findings.filter((f) => f.severity !== 'error');
    if (warnings.length) console.warn(warnings.map((f) => `${f.rule} ${f.path}: ${f.description}`).join('\n'));
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path}: ${f.description}`);
    expect(errors).toEqual([]);
  });

  it('explains every acknowledgement', () => {
    const acknowledged = built.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledged) expect(reason.length, id).toBeGreaterThan(20);
    // Template-level check that the stack itself carries no blanket IAM acknowledgement.
    expect(acknowledged.map(([id]) => id)).not.toContain('Annotation::AwsSolutions-IAM5');
    for (const stack of [built.stacks.api, ...built.stacks.api.routeStacks]) {
      expect(
        stack.node.metadata.some((m) => m.type === 'aws:cdk:acknowledged-rules'),
        stack.node.path,
      ).toBe(false);
    }
  });
});
