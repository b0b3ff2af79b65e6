// The CDN side of a custom domain: one CloudFront distribution tenant per domain on the multi-tenant
// distribution (CloudFront SaaS Manager), in the connection group the per-claim CNAME targets point
// at, with a CloudFront-managed certificate validated over HTTP. CloudFront cannot run here, so the
// local stack and the tests use FakeCloudFrontTenants behind the same interface (CDN_TENANTS=fake).
import { config } from '../config.ts';

export interface TenantState {
  /** The managed certificate: requested, issued, or refused (with CloudFront's reason). */
  certificate: 'pending' | 'issued' | 'failed';
  /** The tenant's configuration is deployed to the edge. */
  deployed: boolean;
  reason?: string;
}

export interface CdnTenants {
  /** Creates the tenant for `host` (idempotent by name), answering its id. */
  create(host: string, name: string): Promise<string>;
  state(tenantId: string): Promise<TenantState>;
  /** Stops serving the host and deletes the tenant when CloudFront allows. */
  remove(tenantId: string): Promise<void>;
}

/** A tenant's name: CloudFront allows letters, digits, dots and hyphens (3–128). */
export const tenantName = (host: string): string => `portal-${host}`.slice(0, 128);

/**
 * The CloudFront API. The client is loaded by name: @aws-sdk/client-cloudfront is in the nodejs24.x
 * runtime's SDK but not yet in package.json (README, custom domains), so neither tsc nor esbuild
 * resolves it here; the types below are the few fields Portico reads and sends.
 */
interface CloudFrontSdk {
  CloudFrontClient: new (c: object) => { send(command: object): Promise<any> };
  CreateDistributionTenantCommand: new (input: object) => object;
  GetDistributionTenantCommand: new (input: object) => object;
  GetManagedCertificateDetailsCommand: new (input: object) => object;
  UpdateDistributionTenantCommand: new (input: object) => object;
  DeleteDistributionTenantCommand: new (input: object) => object;
  GetConnectionGroupCommand: new (input: object) => object;
  ListDistributionsByConnectionModeCommand: new (input: object) => object;
}
const SDK_MODULE = '@aws-sdk/client-cloudfront';
let sdk: Promise<{ mod: CloudFrontSdk; client: { send(command: object): Promise<any> } }> | undefined;
const cloudFront = () => {
  sdk ??= (import(SDK_MODULE) as Promise<CloudFrontSdk>).then((mod) => ({
    mod,
    client: new mod.CloudFrontClient({ region: 'us-east-1' }),
  }));
  return sdk;
};

/**
 * The connection group and the multi-tenant distribution, found by the name the edge stack gives
 * both (CDN_TENANTS_NAME): the edge stack is deployed after the API (it fronts it), so their ids
 * cannot be in this function's environment. Looked up once per container.
 */
let targets: Promise<{ distributionId: string; connectionGroupId: string }> | undefined;
const tenantTargets = () => {
  targets ??= (async () => {
    const { mod, client } = await cloudFront();
    const name = config.cdnTenantsName;
    const group = await client.send(new mod.GetConnectionGroupCommand({ Identifier: name }));
    let marker: string | undefined;
    do {
      const page = await client.send(new mod.ListDistributionsByConnectionModeCommand({ ConnectionMode: 'tenant-only', Marker: marker }));
      const found = page.DistributionList?.Items?.find((d: { Comment?: string }) => d.Comment === name);
      if (found) return { distributionId: found.Id as string, connectionGroupId: group.ConnectionGroup.Id as string };
      marker = page.DistributionList?.IsTruncated ? page.DistributionList.NextMarker : undefined;
    } while (marker);
    throw new Error(`No multi-tenant distribution with the comment ${name}`);
  })().catch((e) => {
    targets = undefined;
    throw e;
  });
  return targets;
};

export const cloudFrontTenants: CdnTenants = {
  async create(host, name) {
    const { mod, client } = await cloudFront();
    const { distributionId, connectionGroupId } = await tenantTargets();
    try {
      const out = await client.send(
        new mod.CreateDistributionTenantCommand({
          DistributionId: distributionId,
          ConnectionGroupId: connectionGroupId,
          Name: name,
          Domains: [{ Domain: host }],
          Enabled: true,
          // CloudFront requests and renews the certificate, proving the domain over HTTP through the
          // CNAME the studio added (no DNS record of ours in their zone).
          ManagedCertificateRequest: { ValidationTokenHost: 'cloudfront', CertificateTransparencyLoggingPreference: 'enabled' },
        }),
      );
      return out.DistributionTenant.Id as string;
    } catch (e) {
      // A retried check after a lost answer: the tenant exists under its name.
      if ((e as Error).name !== 'EntityAlreadyExists') throw e;
      const out = await client.send(new mod.GetDistributionTenantCommand({ Identifier: name }));
      return out.DistributionTenant.Id as string;
    }
  },
  async state(tenantId) {
    const { mod, client } = await cloudFront();
    const [tenant, cert] = await Promise.all([
      client.send(new mod.GetDistributionTenantCommand({ Identifier: tenantId })),
      client.send(new mod.GetManagedCertificateDetailsCommand({ Identifier: tenantId })),
    ]);
    const status: string = cert.ManagedCertificateDetails?.CertificateStatus ?? 'pending-validation';
    return {
      certificate: status === 'issued' ? 'issued' : /failed|revoked|expired|inactive/.test(status) ? 'failed' : 'pending',
      deployed: tenant.DistributionTenant?.Status === 'Deployed',
      reason: /failed|revoked|expired|inactive/.test(status) ? `CloudFront could not issue the certificate (${status}).` : undefined,
    };
  },
  async remove(tenantId) {
    const { mod, client } = await cloudFront();
    const got = await client.send(new mod.GetDistributionTenantCommand({ Identifier: tenantId }));
    const t = got.DistributionTenant;
    if (t.Enabled) {
      await client.send(
        new mod.UpdateDistributionTenantCommand({
          Id: tenantId,
          IfMatch: got.ETag,
          Enabled: false,
          Domains: t.Domains?.map((d: { Domain: string }) => ({ Domain: d.Domain })),
          ConnectionGroupId: t.ConnectionGroupId,
        }),
      );
      // CloudFront deletes a tenant only once disabled and deployed: a disabled tenant serves nothing
      // and costs nothing, so it is left for the operator's cleanup (README, custom domains).
      return;
    }
    await client.send(new mod.DeleteDistributionTenantCommand({ Id: tenantId, IfMatch: got.ETag }));
  },
};

/**
 * CloudFront's tenants as they behave, in this process: a tenant's certificate is issued and the
 * tenant deployed FAKE_CDN_ISSUE_SECONDS after it is created (CloudFront takes minutes).
 */
export class FakeCloudFrontTenants implements CdnTenants {
  readonly #tenants = new Map<string, { host: string; createdAt: number }>();
  async create(host: string, name: string): Promise<string> {
    const id = `dt_${name}`;
    if (!this.#tenants.has(id)) this.#tenants.set(id, { host, createdAt: Date.now() });
    return id;
  }
  async state(tenantId: string): Promise<TenantState> {
    const t = this.#tenants.get(tenantId);
    if (!t) return { certificate: 'failed', deployed: false, reason: 'The CDN tenant is gone.' };
    const ready = Date.now() - t.createdAt >= config.fakeCdnIssueSeconds * 1000;
    return { certificate: ready ? 'issued' : 'pending', deployed: ready };
  }
  async remove(tenantId: string): Promise<void> {
    this.#tenants.delete(tenantId);
  }
}

let fake: FakeCloudFrontTenants | undefined;
/** The CDN tenants of this environment: CloudFront's API in AWS, the fake locally. */
export function cdnTenants(): CdnTenants {
  if (config.cdnTenants !== 'fake') return cloudFrontTenants;
  fake ??= new FakeCloudFrontTenants();
  return fake;
}
