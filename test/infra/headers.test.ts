// CloudFront's response-headers policy, read back from the synthesized template, is exactly the list
// of shared/security-headers.ts (the list the local server applies): every header, every value,
// nothing more, each overriding what an origin says, on the site and the API behaviours alike.
// The edge stack alone is synthesized (real EdgeStack, imported API and bucket): no bundling needed.
import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { PriceClass } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { EdgeStack, responseHeaderBehaviors } from '../../infra/stacks/edge-stack.ts';
import { securityHeaders } from '../../shared/security-headers.ts';

const FILES_DOMAIN = 'portico-files.s3.eu-west-1.amazonaws.com';
const EXPECTED = securityHeaders({ storageOrigin: `https://${FILES_DOMAIN}` });

type PolicyConfig = {
  SecurityHeadersConfig?: Record<string, any>;
  CustomHeadersConfig?: { Items: Array<{ Header: string; Value: string; Override: boolean }> };
  [other: string]: unknown;
};

/** The headers a viewer receives under this policy, written the way shared/security-headers.ts writes them. */
function headersOf(config: PolicyConfig): { headers: Record<string, string>; overrides: boolean[] } {
  const headers: Record<string, string> = {};
  const overrides: boolean[] = [];
  const s = config.SecurityHeadersConfig ?? {};
  const known = ['ContentSecurityPolicy', 'StrictTransportSecurity', 'ContentTypeOptions', 'FrameOptions', 'ReferrerPolicy'];
  // A native header this reader does not know would go unchecked: refuse it instead.
  expect(Object.keys(s).filter((k) => !known.includes(k))).toEqual([]);
  if (s.ContentSecurityPolicy) headers['content-security-policy'] = s.ContentSecurityPolicy.ContentSecurityPolicy;
  if (s.StrictTransportSecurity) {
    const hsts = s.StrictTransportSecurity;
    headers['strict-transport-security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
  }
  if (s.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (s.FrameOptions) headers['x-frame-options'] = s.FrameOptions.FrameOption;
  if (s.ReferrerPolicy) headers['referrer-policy'] = s.ReferrerPolicy.ReferrerPolicy;
  for (const value of Object.values(s)) overrides.push(value.Override);
  for (const item of config.CustomHeadersConfig?.Items ?? []) {
    headers[item.Header.toLowerCase()] = item.Value;
    overrides.push(item.Override);
  }
  return { headers, overrides };
}

describe('the CloudFront response-headers policy', () => {
  let template: Template;
  beforeAll(() => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    // The home region's API and files bucket, imported by name: the edge stack only reads their names.
    const home = new Stack(app, 'Home', { env: { account: '123456789012', region: 'eu-west-1' } });
    new CfnWaitConditionHandle(home, 'Placeholder'); // a template needs one resource to be valid
    template = Template.fromStack(
      new EdgeStack(app, 'Edge', {
        env: { account: '123456789012', region: 'us-east-1' },
        domainName: 'portico.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
        httpApi: HttpApi.fromHttpApiAttributes(home, 'Api', { httpApiId: 'abc123' }),
        socketsApi: WebSocketApi.fromWebSocketApiAttributes(home, 'Sockets', { webSocketId: 'def456' }),
        apiRegion: 'eu-west-1',
        originSecretName: 'Portico/origin-secret',
        dataBucket: Bucket.fromBucketAttributes(home, 'Files', { bucketName: 'portico-files', bucketRegionalDomainName: FILES_DOMAIN }),
        priceClass: PriceClass.PRICE_CLASS_100,
        siteDir: '/nonexistent/site/dist',
        siteViewerRequestFile: new URL('../../infra/edge/site-viewer-request.js', import.meta.url).pathname,
        apiViewerRequestFile: new URL('../../infra/edge/api-viewer-request.js', import.meta.url).pathname,
        rootDir: new URL('../..', import.meta.url).pathname,
        cdnTenantsFunctionName: 'Portico-cdn-tenants',
      }),
    );
  });

  const policies = () => Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));

  it('carries exactly the headers of shared/security-headers.ts, HSTS included, each overriding the origin', () => {
    expect(policies()).toHaveLength(1);
    const [, policy] = policies()[0] as [string, { Properties: { ResponseHeadersPolicyConfig: PolicyConfig } }];
    const config = policy.Properties.ResponseHeadersPolicyConfig;
    const { headers, overrides } = headersOf(config);
    expect(headers).toEqual(EXPECTED);
    expect(Object.keys(headers)).toContain('strict-transport-security');
    expect(overrides).toHaveLength(Object.keys(EXPECTED).length);
    expect(overrides.every((o) => o === true)).toBe(true);
    // Nothing else: no CORS grants, no removed headers, no server-timing.
    expect(Object.keys(config).sort()).toEqual(['Comment', 'CustomHeadersConfig', 'Name', 'SecurityHeadersConfig']);
  });

  it('answers on every behaviour: the site, /api/* and /ws', () => {
    const [policyId] = policies()[0] as [string, unknown];
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as Array<{ Properties: any }>;
    const config = distribution?.Properties.DistributionConfig;
    const behaviours = [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])];
    expect(behaviours.map((b) => b.PathPattern ?? 'default')).toEqual(['default', '/api/*', '/ws']);
    for (const behaviour of behaviours) expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('maps every header of the list, and refuses a value CloudFront cannot express', () => {
    const mapped = responseHeaderBehaviors(EXPECTED);
    const custom = mapped.customHeadersBehavior?.customHeaders.map((h) => h.header) ?? [];
    const native = Object.values(mapped.securityHeadersBehavior ?? {}).length;
    expect(native + custom.length).toBe(Object.keys(EXPECTED).length);
    expect(() => responseHeaderBehaviors({ ...EXPECTED, 'x-frame-options': 'ALLOW-FROM https://evil.example' })).toThrow(
      /no CloudFront equivalent/,
    );
    expect(() => responseHeaderBehaviors({ ...EXPECTED, 'strict-transport-security': 'includeSubDomains' })).toThrow(
      /no CloudFront equivalent/,
    );
  });
});
