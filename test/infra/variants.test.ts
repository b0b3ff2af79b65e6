// The app under other settings: a Route 53 zone, an imported certificate, routes the table does
// not have yet, and bad context. Each variant is synthesized once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { porticoPropsFromContext } from '../../infra/portico.ts';
import { type Grant, type RouteDef, routeList } from '../../shared/routes.ts';
import { type BuiltApp, buildTestApp, located, nagFindings, TEST_CONTEXT, templateOf } from './portico-app.ts';

const DOMAIN = TEST_CONTEXT['portico:domainName'];
const nagErrors = (built: BuiltApp) =>
  nagFindings(built.app)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.path}: ${f.description}`);

describe('with a hosted zone (a parent domain) and a built site', () => {
  let built: BuiltApp;
  let siteDir: string;
  beforeAll(() => {
    siteDir = mkdtempSync(join(tmpdir(), 'portico-site-'));
    writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Portico</title>');
    built = buildTestApp(
      {
        'portico:hostedZoneId': 'Z0123456789ABCDEFGHIJ',
        'portico:hostedZoneName': 'example.com',
        'portico:signUpMode': 'invite',
        'portico:defaultPlan': 'growth',
        'portico:operatorEmails': 'ops@studio.example',
      },
      { siteDir },
    );
  });
  afterAll(() => {
    built?.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  it('passes portico:signUpMode, defaultPlan and operatorEmails to every Lambda (routes and object events)', () => {
    const functions = [...built.stacks.api.functions.values(), ...built.stacks.events.functions.values()];
    expect(functions.length).toBeGreaterThan(routeList.length);
    for (const fn of functions) {
      const { template, logicalId } = located(fn);
      const variables = (template.toJSON().Resources[logicalId] as { Properties: { Environment: { Variables: object } } }).Properties
        .Environment.Variables;
      expect(variables, fn.node.path).toMatchObject({
        SIGNUP_MODE: 'invite',
        DEFAULT_PLAN: 'growth',
        OPERATOR_EMAILS: 'ops@studio.example',
      });
    }
  });

  it('validates the certificate in the zone and points apex and wildcard at CloudFront', () => {
    const edge = Template.fromStack(built.stacks.edge);
    edge.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: DOMAIN,
      ValidationMethod: 'DNS',
      DomainValidationOptions: Match.arrayWith([{ DomainName: DOMAIN, HostedZoneId: 'Z0123456789ABCDEFGHIJ' }]),
    });
    for (const name of [DOMAIN, `*.${DOMAIN}`]) {
      for (const type of ['A', 'AAAA']) {
        edge.hasResourceProperties('AWS::Route53::RecordSet', {
          Name: `${name}.`,
          Type: type,
          HostedZoneId: 'Z0123456789ABCDEFGHIJ',
          AliasTarget: Match.objectLike({ HostedZoneId: Match.anyValue(), DNSName: Match.anyValue() }),
        });
      }
    }
    // And the custom domains' CNAME targets, at the connection group's routing endpoint.
    edge.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: `*.domains.${DOMAIN}.`,
      Type: 'CNAME',
      HostedZoneId: 'Z0123456789ABCDEFGHIJ',
      ResourceRecords: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^CustomDomainGroup'), 'RoutingEndpoint'] }],
    });
    edge.resourceCountIs('AWS::Route53::RecordSet', 5);
  });

  it("verifies the sender's domain in SES with DKIM records in the zone", () => {
    const mail = Template.fromStack(built.stacks.mail);
    mail.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: DOMAIN });
    mail.resourceCountIs('AWS::Route53::RecordSet', 3);
    mail.allResourcesProperties('AWS::Route53::RecordSet', { Type: 'CNAME', HostedZoneId: 'Z0123456789ABCDEFGHIJ' });
  });

  it('deploys the built site and invalidates the distribution', () => {
    const edge = Template.fromStack(built.stacks.edge);
    edge.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'], DestinationBucketName: Match.anyValue() });
  });

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagErrors(built)).toEqual([]);
  });
});

describe('with an imported certificate, no site, and other context', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-1111-2222-3333-444444444444';
  let built: BuiltApp;
  beforeAll(() => {
    built = buildTestApp(
      {
        'portico:certificateArn': certificateArn,
        'portico:priceClass': 'All',
        'portico:stackPrefix': 'Acme',
        // What `-c portico:functionMemorySize=1024` gives: a string.
        'portico:functionMemorySize': '1024',
      },
      { siteDir: join(tmpdir(), 'portico-no-such-site') },
    );
  });
  afterAll(() => built?.dispose());

  it('uses the certificate instead of creating one', () => {
    const edge = Template.fromStack(built.stacks.edge);
    edge.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    edge.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ AcmCertificateArn: certificateArn }),
        PriceClass: 'PriceClass_All',
      }),
    });
  });

  it('names the stacks with the prefix and sizes the functions from context', () => {
    expect(built.stacks.api.stackName).toBe('AcmeApi');
    expect(built.stacks.edge.stackName).toBe('AcmeEdge');
    const functions = built.stacks.api.routeStacks.flatMap((stack) =>
      Object.values(templateOf(stack).findResources('AWS::Lambda::Function', { Properties: { Architectures: ['arm64'] } })),
    );
    expect(functions).toHaveLength(routeList.length);
    // Every route but those whose table entry asks for more (`bundle`: the releases' PDF routes).
    for (const route of routeList) {
      const { template, logicalId } = located(built.stacks.api.functions.get(route.id)!);
      expect(template.toJSON().Resources[logicalId].Properties.MemorySize, route.id).toBe(route.bundle?.memorySize ?? 1024);
    }
  });

  it('skips the site deployment with a warning when the site is not built', () => {
    Template.fromStack(built.stacks.edge).resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(built.stacks.edge).hasWarning('*', Match.stringLikeRegexp('does not exist'));
  });

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagErrors(built)).toEqual([]);
  });
});

describe('a route whose handler is not written yet', () => {
  const everyGrant: Grant[] = [
    'table:read',
    'table:write',
    'bucket:read',
    'bucket:write',
    'mail:send',
    'studioPool:admin',
    'clientPool:admin',
  ];
  const future: RouteDef = {
    id: 'zzFutureRoute',
    feature: 'future',
    method: 'PATCH',
    path: '/api/portal/future/{id}',
    auth: 'client',
    host: 'portal',
    summary: 'Not written yet',
    ok: { status: 204 },
    grants: everyGrant,
  };

  describe('with bundling skipped', () => {
    let built: BuiltApp;
    beforeAll(() => {
      built = buildTestApp({}, { routes: [...routeList, future] });
    });
    afterAll(() => built?.dispose());

    it('gets a placeholder function and a warning', () => {
      const api = located(built.stacks.api.functions.get(future.id)!).template;
      api.hasResourceProperties('AWS::Lambda::Function', {
        Description: `PATCH ${future.path}`,
        Code: { ZipFile: Match.stringLikeRegexp('not built') },
        Runtime: 'nodejs24.x',
      });
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `PATCH ${future.path}`, AuthorizationType: 'JWT' });
      Annotations.fromStack(built.stacks.api).hasWarning('*', Match.stringLikeRegexp('zzFutureRoute'));
    });

    it('passes cdk-nag with every kind of grant', () => {
      expect(nagErrors(built)).toEqual([]);
    });
  });

  it('fails the synth when bundling is on', () => {
    expect(() => buildTestApp({ 'aws:cdk:bundling-stacks': ['**'] }, { routes: [future] })).toThrow(/functions\/future\/zzFutureRoute\.ts/);
  });
});

describe('context', () => {
  const props = (context: Record<string, unknown>) => porticoPropsFromContext(new App({ context: { ...TEST_CONTEXT, ...context } }));

  it('reads the documented keys', () => {
    expect(props({ 'portico:hostedZoneId': 'Z1' })).toMatchObject({
      region: 'eu-west-1',
      account: '123456789012',
      domainName: DOMAIN,
      hostedZone: { hostedZoneId: 'Z1', zoneName: DOMAIN },
      senderEmail: TEST_CONTEXT['portico:senderEmail'],
      stackPrefix: 'Portico',
      functionMemorySize: 512,
      signUpMode: 'closed',
      plans: { defaultPlan: 'starter', operatorEmails: [] },
    });
    expect(props({ 'portico:signUpMode': 'Open' }).signUpMode).toBe('open');
    expect(props({ 'portico:defaultPlan': 'Growth', 'portico:operatorEmails': 'Ops@Studio.example, b@c.example' }).plans).toEqual({
      defaultPlan: 'growth',
      operatorEmails: ['ops@studio.example', 'b@c.example'],
    });
    expect(props({}).hostedZone).toBeUndefined();
  });

  it('rejects missing or malformed values', () => {
    expect(() => props({ 'portico:domainName': '' })).toThrow(/portico:domainName/);
    expect(() => props({ 'portico:region': undefined })).toThrow(/portico:region/);
    expect(() => props({ 'portico:senderEmail': 'nobody' })).toThrow(/senderEmail/);
    expect(() => props({ 'portico:priceClass': '300' })).toThrow(/priceClass/);
    expect(() => props({ 'portico:functionMemorySize': 'lots' })).toThrow(/functionMemorySize/);
    expect(() => props({ 'portico:signUpMode': 'everyone' })).toThrow(/portico:signUpMode/);
    expect(() => props({ 'portico:defaultPlan': 'gold' })).toThrow(/portico:defaultPlan/);
    expect(() => props({ 'portico:operatorEmails': 'ops@studio.example, nobody' })).toThrow(/portico:operatorEmails/);
  });
});
