// The edge stack's tenants function: the one Lambda that may create, read, disable and delete the
// custom domains' CloudFront distribution tenants. The API's domain routes invoke it.
import { type CdnTenantsRequest, cloudFrontTenants, runCdnTenantsRequest } from '../../shared/adapters/cdn-tenants.ts';

export const handler = (request: CdnTenantsRequest) => runCdnTenantsRequest(cloudFrontTenants, request);
