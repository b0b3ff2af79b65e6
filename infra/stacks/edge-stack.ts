// The public front door, in us-east-1 because CloudFront only takes certificates from there.
// One distribution serves the dashboard (apex domain) and every studio portal (<slug>.<domain>):
// the site bucket by default, the HTTP API under /api/*. Both answer with the same security
// headers, built from shared/security-headers.ts so the local server and AWS agree.
import { existsSync, readFileSync } from 'node:fs';
import { Annotations, CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { LIVE_PATH } from '../../shared/features/live/constants.ts';
import { ORIGIN_SECRET_HEADER } from '../../shared/origin-header.ts';
import { securityHeaders } from '../../shared/security-headers.ts';
import { CDN_TENANT_ACTIONS, porticoFunction } from '../lambda.ts';
import { acknowledge, acknowledgeWildcards } from '../nag.ts';

export interface EdgeStackProps extends StackProps {
  readonly domainName: string;
  /** Zone for certificate validation and the alias records; none means DNS is managed elsewhere. */
  readonly hostedZone?: route53.HostedZoneAttributes;
  /** An existing us-east-1 certificate for domainName and *.domainName (used when there is no zone). */
  readonly certificateArn?: string;
  readonly httpApi: apigw.IHttpApi;
  /** The live socket's WebSocket API (its stage is named after LIVE_PATH), served under /ws. */
  readonly socketsApi: apigw.IWebSocketApi;
  /** Region of the HTTP API (the home region). */
  readonly apiRegion: string;
  /** The secret (created by the API stack, replicated here) whose value the /api/* origin sends. */
  readonly originSecretName: string;
  /** Any new value redeploys the distribution with the secret's current value (README, Deploy). */
  readonly originSecretRotation?: string;
  /** The files bucket: presigned URLs point at it, so the CSP must allow it. */
  readonly dataBucket: s3.IBucket;
  readonly priceClass: cloudfront.PriceClass;
  /** Built site (site/dist); when absent, nothing is deployed to the site bucket. */
  readonly siteDir: string;
  /** Source files of the CloudFront Functions. */
  readonly siteViewerRequestFile: string;
  readonly apiViewerRequestFile: string;
  /** Repository root: the custom domains' tenants function is functions/domains/cdnTenants.ts under it. */
  readonly rootDir: string;
  /** Its fixed name: the API's domain routes invoke it by name (infra/lambda.ts, cdnTenantsFunctionName). */
  readonly cdnTenantsFunctionName: string;
}

export class EdgeStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly customDomains: {
    distribution: cloudfront.Distribution;
    connectionGroup: cloudfront.CfnConnectionGroup;
    tenants: lambda.IFunction;
  };

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { domainName } = props;
    const hostedZone = props.hostedZone && route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', props.hostedZone);

    // Studio custom domains (a later issue) will need their own certificates and hosts; this list
    // and the DNS records below are the place they plug into.
    const hostNames = [domainName, `*.${domainName}`];
    const certificate = props.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)
      : new acm.Certificate(this, 'Certificate', {
          domainName,
          subjectAlternativeNames: hostNames.slice(1),
          // Without a zone, ACM shows the validation CNAMEs to add by hand; the deployment waits for them.
          validation: acm.CertificateValidation.fromDns(hostedZone),
        });

    const logs = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(logs, 'This bucket is the log destination; logging it into itself would loop.', 'AwsSolutions-S1');

    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Portico security headers (shared/security-headers.ts)',
      ...responseHeaderBehaviors(securityHeaders({ storageOrigin: `https://${props.dataBucket.bucketRegionalDomainName}` })),
    });

    const siteFunction = new cloudfront.Function(this, 'SiteViewerRequest', {
      comment: 'Maps the host to the dashboard or portal half of the site',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        readFileSync(props.siteViewerRequestFile, 'utf8').replaceAll('__DASHBOARD_HOST__', domainName.toLowerCase()),
      ),
    });
    const apiFunction = new cloudfront.Function(this, 'ApiViewerRequest', {
      comment: 'Passes the viewer host on; turns the session cookie into a bearer token',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(readFileSync(props.apiViewerRequestFile, 'utf8')),
    });

    const apiDomain = `${props.httpApi.apiId}.execute-api.${props.apiRegion}.${this.urlSuffix}`;
    const socketsDomain = `${props.socketsApi.apiId}.execute-api.${props.apiRegion}.${this.urlSuffix}`;
    // The site and the API, as both distributions serve them: same origins, functions and headers.
    const behaviours = (rotationHeader: Record<string, string> = {}) => ({
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
        functionAssociations: [{ function: siteFunction, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            // The proof a request came through here (shared/http/origin.ts), overwriting any viewer's
            // copy. A dynamic reference: CloudFormation resolves it at deploy, the template holds no value.
            customHeaders: { [ORIGIN_SECRET_HEADER]: SecretValue.secretsManager(props.originSecretName).unsafeUnwrap(), ...rotationHeader },
          }),
          // No redirect: a redirected POST would lose its body.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // The API Gateway endpoint needs its own Host header; the viewer's travels as x-portico-host.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
          functionAssociations: [{ function: apiFunction, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
        // The live socket: the same viewer function (host, cookie → bearer token, viewer ip) and origin
        // secret as /api/*, uncached. The path is the WebSocket stage's name, so it reaches the stage as is.
        [LIVE_PATH]: {
          origin: new origins.HttpOrigin(socketsDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            customHeaders: { [ORIGIN_SECRET_HEADER]: SecretValue.secretsManager(props.originSecretName).unsafeUnwrap(), ...rotationHeader },
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // The handshake's Sec-WebSocket-* headers go through; the viewer's Host travels as x-portico-host.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
          functionAssociations: [{ function: apiFunction, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      // The rotation marker changes the template, so CloudFormation updates the distribution and
      // resolves the origin secret's reference again (an unchanged template keeps the old value).
      comment: `Portico ${domainName}${props.originSecretRotation ? ` (origin secret ${props.originSecretRotation})` : ''}`.slice(0, 128),
      domainNames: hostNames,
      certificate,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...behaviours(),
    });
    acknowledge(this.distribution, 'Portico serves studios and their clients worldwide; no country is excluded.', 'AwsSolutions-CFR1');
    acknowledge(
      this.distribution,
      'WAF costs a fixed monthly fee this self-hosted app does not impose; operators can attach a web ACL.',
      'AwsSolutions-CFR2',
    );

    this.customDomains = this.customDomainsEdge(props, behaviours, logs, hostedZone);

    if (hostedZone) {
      const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
      hostNames.forEach((recordName, i) => {
        const id = i === 0 ? 'Apex' : 'Wildcard';
        new route53.ARecord(this, `${id}A`, { zone: hostedZone, recordName, target });
        new route53.AaaaRecord(this, `${id}Aaaa`, { zone: hostedZone, recordName, target });
      });
    }

    if (existsSync(props.siteDir)) {
      const deployment = new s3deploy.BucketDeployment(this, 'DeploySite', {
        sources: [s3deploy.Source.asset(props.siteDir)],
        destinationBucket: site,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      // The copy-and-invalidate handler is CDK's own singleton function, not Portico code.
      const handler = deployment.handlerRole.node.scope ?? deployment;
      const reason = "CDK's BucketDeployment handler: its role, policy and runtime are managed by aws-cdk-lib.";
      acknowledge(
        handler,
        reason,
        'AwsSolutions-L1',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      );
      acknowledgeWildcards(handler, () => reason);
    } else {
      Annotations.of(this).addWarningV2(
        'portico:siteNotBuilt',
        `${props.siteDir} does not exist: the site bucket stays empty. Build the site before deploying.`,
      );
    }

    new CfnOutput(this, 'DashboardUrl', { value: `https://${domainName}` });
    new CfnOutput(this, 'CustomDomainTargets', {
      value: `*.domains.${domainName} CNAME ${this.customDomains.connectionGroup.attrRoutingEndpoint}`,
      description: hostedZone ? undefined : 'Add this record: every custom domain CNAME names a host under it (README, Custom domains).',
    });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.distribution.distributionDomainName,
      description: hostedZone ? undefined : `Point ${domainName} and *.${domainName} at this name (CNAME/ALIAS).`,
    });
  }

  /**
   * Studios' own domains (CloudFront SaaS Manager). The distribution above cannot take them: its
   * connection mode is fixed at creation and a multi-tenant distribution has no aliases, price class
   * or IPv6 switch of its own (its connection group holds those), so replacing it would move every
   * portal's DNS. Instead a second, multi-tenant distribution serves the same site and API, and each
   * custom domain becomes one of its distribution tenants at run time, with a CloudFront-managed
   * certificate, in the connection group whose routing endpoint `*.domains.<domain>` points at.
   */
  private customDomainsEdge(
    props: EdgeStackProps,
    behaviours: (rotationHeader?: Record<string, string>) => Pick<cloudfront.DistributionProps, 'defaultBehavior' | 'additionalBehaviors'>,
    logs: s3.IBucket,
    hostedZone: route53.IHostedZone | undefined,
  ) {
    const connectionGroup = new cloudfront.CfnConnectionGroup(this, 'CustomDomainGroup', {
      name: `${this.stackName}-custom-domains`,
      enabled: true,
      ipv6Enabled: true,
    });
    const distribution = new cloudfront.Distribution(this, 'TenantDistribution', {
      comment: `Portico ${props.domainName}: studios' custom domains (one tenant each)`,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront-tenants/',
      // A changed rotation marker changes this template too, so this distribution takes the
      // secret's new value like the other (its comment stays as it is).
      ...behaviours(props.originSecretRotation ? { 'x-portico-origin-secret-rotation': props.originSecretRotation } : {}),
    });
    const cfn = distribution.node.defaultChild as cloudfront.CfnDistribution;
    cfn.addPropertyOverride('DistributionConfig.ConnectionMode', 'tenant-only');
    // The connection group holds these for a multi-tenant distribution, which refuses them.
    cfn.addPropertyDeletionOverride('DistributionConfig.IPV6Enabled');
    cfn.addPropertyDeletionOverride('DistributionConfig.PriceClass');
    acknowledge(distribution, 'Portico serves studios and their clients worldwide; no country is excluded.', 'AwsSolutions-CFR1');
    acknowledge(
      distribution,
      'WAF costs a fixed monthly fee this self-hosted app does not impose; operators can attach a web ACL.',
      'AwsSolutions-CFR2',
    );
    acknowledge(
      distribution,
      'Viewers reach it only through its tenants, each with its own CloudFront-managed certificate; its own default name serves nothing Portico links to.',
      'AwsSolutions-CFR4',
    );

    const tenants = porticoFunction(this, 'CdnTenants', {
      rootDir: props.rootDir,
      entry: 'functions/domains/cdnTenants.ts',
      functionName: props.cdnTenantsFunctionName,
      description: "Creates, reads and removes custom domains' CloudFront distribution tenants",
      roleDescription: "Portico: custom domains' distribution tenants, on the one multi-tenant distribution",
      memorySize: 256,
      timeout: Duration.seconds(15),
      environment: {
        CDN_TENANT_DISTRIBUTION_ID: distribution.distributionId,
        CDN_CONNECTION_GROUP_ID: connectionGroup.attrId,
        NODE_OPTIONS: '--enable-source-maps',
      },
      missingHandlerHint: 'The custom domains need functions/domains/cdnTenants.ts',
    });
    const arn = (resource: string) => `arn:${this.partition}:cloudfront::${this.account}:${resource}`;
    // Creating a tenant names the distribution and the connection group; the tenants themselves are
    // made at run time, so their ARNs are only known as the account's distribution-tenant/*.
    tenants.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cloudfront:CreateDistributionTenant'],
        resources: [arn(`distribution/${distribution.distributionId}`), connectionGroup.attrArn, arn('distribution-tenant/*')],
      }),
    );
    tenants.addToRolePolicy(
      new iam.PolicyStatement({
        actions: CDN_TENANT_ACTIONS.filter((a) => a !== 'cloudfront:CreateDistributionTenant'),
        resources: [arn('distribution-tenant/*')],
      }),
    );
    acknowledgeWildcards(tenants.role ?? tenants, (finding) =>
      finding.endsWith(':distribution-tenant/*')
        ? 'Distribution tenants are created at run time, one per custom domain; IAM names no tenant before it exists.'
        : undefined,
    );

    if (hostedZone) {
      new route53.CnameRecord(this, 'CustomDomainTargetsRecord', {
        zone: hostedZone,
        recordName: `*.domains.${props.domainName}`,
        domainName: connectionGroup.attrRoutingEndpoint,
      });
    }
    return { distribution, connectionGroup, tenants };
  }
}

const REFERRER_POLICIES = Object.values(cloudfront.HeadersReferrerPolicy) as string[];
const FRAME_OPTIONS = Object.values(cloudfront.HeadersFrameOption) as string[];

/** Maps the shared header list onto CloudFront: the headers CloudFront models natively, then the rest. */
export function responseHeaderBehaviors(
  headers: Record<string, string>,
): Pick<cloudfront.ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> {
  const security: { -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K] } = {};
  const custom: cloudfront.ResponseCustomHeader[] = [];
  const invalid = (name: string, value: string) => new Error(`shared/security-headers.ts: ${name}: ${value} has no CloudFront equivalent`);

  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security': {
        const maxAge = /max-age=(\d+)/i.exec(value)?.[1];
        if (!maxAge) throw invalid(name, value);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(maxAge)),
          includeSubdomains: /includeSubDomains/i.test(value),
          preload: /preload/i.test(value),
          override: true,
        };
        break;
      }
      case 'x-content-type-options':
        if (value.toLowerCase() !== 'nosniff') throw invalid(name, value);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        if (!FRAME_OPTIONS.includes(value.toUpperCase())) throw invalid(name, value);
        security.frameOptions = { frameOption: value.toUpperCase() as cloudfront.HeadersFrameOption, override: true };
        break;
      case 'referrer-policy':
        if (!REFERRER_POLICIES.includes(value.toLowerCase())) throw invalid(name, value);
        security.referrerPolicy = { referrerPolicy: value.toLowerCase() as cloudfront.HeadersReferrerPolicy, override: true };
        break;
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return { securityHeadersBehavior: security, customHeadersBehavior: { customHeaders: custom } };
}
