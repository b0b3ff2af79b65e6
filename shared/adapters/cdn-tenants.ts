// The CDN side of a custom domain: one CloudFront distribution tenant per domain on the multi-tenant
// distribution (CloudFront SaaS Manager), in the connection group the per-claim CNAME targets point
// at, with a CloudFront-managed certificate validated over HTTP. The CloudFront calls are made by one
// function in the edge stack (functions/domains/cdnTenants.ts), which alone knows the distribution
// and may touch its tenants; the API's routes ask it (invokedCdnTenants). CloudFront cannot run
// here, so the local stack and the tests use FakeCloudFrontTenants instead (CDN_TENANTS=fake).
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
 * The CloudFront API, loaded on first use: only the edge stack's tenants function calls it, and the
 * routes that reach that function never pay for the client's import at cold start.
 */
let sdk:
  | Promise<{ mod: typeof import('@aws-sdk/client-cloudfront'); client: import('@aws-sdk/client-cloudfront').CloudFrontClient }>
  | undefined;
const cloudFront = () => {
  sdk ??= import('@aws-sdk/client-cloudfront').then((mod) => ({ mod, client: new mod.CloudFrontClient({ region: 'us-east-1' }) }));
  return sdk;
};

/** What UpdateDistributionTenant needs back of a tenant it changes (it replaces, not patches). */
const tenantUpdate = (t: { Id: string; DistributionId: string; Domains?: { Domain?: string }[]; ConnectionGroupId?: string }) => ({
  Id: t.Id,
  DistributionId: t.DistributionId,
  Domains: t.Domains?.flatMap((d) => (d.Domain ? [{ Domain: d.Domain }] : [])),
  ConnectionGroupId: t.ConnectionGroupId,
});

export const cloudFrontTenants: CdnTenants = {
  async create(host, name) {
    const { mod, client } = await cloudFront();
    try {
      const out = await client.send(
        new mod.CreateDistributionTenantCommand({
          DistributionId: config.cdnTenantDistributionId,
          ConnectionGroupId: config.cdnConnectionGroupId,
          Name: name,
          Domains: [{ Domain: host }],
          Enabled: true,
          // CloudFront requests and renews the certificate, proving the domain over HTTP through the
          // CNAME the studio added (no DNS record of ours in their zone).
          ManagedCertificateRequest: { ValidationTokenHost: 'cloudfront', CertificateTransparencyLoggingPreference: 'enabled' },
        }),
      );
      const id = out.DistributionTenant?.Id;
      if (!id) throw new Error(`CloudFront created no tenant for ${host}`);
      return id;
    } catch (e) {
      // A retried check after a lost answer, or the host added again after a removal left its
      // tenant disabled: the tenant exists under its name; serve with it again.
      if ((e as Error).name !== 'EntityAlreadyExists') throw e;
      const got = await client.send(new mod.GetDistributionTenantCommand({ Identifier: name }));
      const t = got.DistributionTenant;
      if (!t?.Id || !t.DistributionId) throw new Error(`CloudFront has no tenant ${name}`);
      if (!t.Enabled)
        await client.send(
          new mod.UpdateDistributionTenantCommand({
            ...tenantUpdate({ ...t, Id: t.Id, DistributionId: t.DistributionId }),
            IfMatch: got.ETag,
            Enabled: true,
          }),
        );
      return t.Id;
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
    let got: any;
    try {
      got = await client.send(new mod.GetDistributionTenantCommand({ Identifier: tenantId }));
    } catch (e) {
      if ((e as Error).name === 'EntityNotFound') return; // removed before
      throw e;
    }
    const t = got.DistributionTenant;
    if (!t?.Id || !t.DistributionId) return;
    if (t.Enabled) {
      await client.send(
        new mod.UpdateDistributionTenantCommand({
          ...tenantUpdate({ ...t, Id: t.Id, DistributionId: t.DistributionId }),
          IfMatch: got.ETag,
          Enabled: false,
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

/** What a route sends the edge stack's tenants function, and what it answers. */
export type CdnTenantsRequest =
  | { op: 'create'; host: string; name: string }
  | { op: 'state'; tenantId: string }
  | { op: 'remove'; tenantId: string };

/** Runs one request against `tenants`: the tenants function's whole body. */
export async function runCdnTenantsRequest(tenants: CdnTenants, request: CdnTenantsRequest): Promise<unknown> {
  switch (request.op) {
    case 'create':
      return { tenantId: await tenants.create(request.host, request.name) };
    case 'state':
      return tenants.state(request.tenantId);
    case 'remove':
      await tenants.remove(request.tenantId);
      return {};
  }
}

/** The Lambda API, loaded on first use like the CloudFront client. */
let lambda: Promise<{ mod: typeof import('@aws-sdk/client-lambda'); client: import('@aws-sdk/client-lambda').LambdaClient }> | undefined;

async function invoke(request: CdnTenantsRequest): Promise<any> {
  lambda ??= import('@aws-sdk/client-lambda').then((mod) => ({ mod, client: new mod.LambdaClient({ region: 'us-east-1' }) }));
  const { mod, client } = await lambda;
  const out = await client.send(new mod.InvokeCommand({ FunctionName: config.cdnTenantsFunction, Payload: JSON.stringify(request) }));
  const text = new TextDecoder().decode(out.Payload ?? new Uint8Array());
  if (out.FunctionError) throw new Error(`The CDN tenants function failed: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** The tenants as a route reaches them: through the edge stack's tenants function. */
export const invokedCdnTenants: CdnTenants = {
  create: async (host, name) => (await invoke({ op: 'create', host, name })).tenantId,
  state: (tenantId) => invoke({ op: 'state', tenantId }),
  remove: async (tenantId) => {
    await invoke({ op: 'remove', tenantId });
  },
};

let fake: FakeCloudFrontTenants | undefined;
/** The CDN tenants of this environment: the edge stack's function in AWS, the fake locally. */
export function cdnTenants(): CdnTenants {
  if (config.cdnTenants !== 'fake') return invokedCdnTenants;
  fake ??= new FakeCloudFrontTenants();
  return fake;
}
