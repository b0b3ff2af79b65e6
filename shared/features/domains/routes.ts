// A studio's custom domain (Settings → Domain): owners only. Reading it needs no plan (a downgrade
// keeps it on show, not served); adding and checking one need the customDomain entitlement;
// removing never does (nothing a downgrade keeps may be stuck).
import { route } from '../../route-def.ts';
import { AddDomainBody, DomainAnswer } from './schemas.ts';

export const routes = {
  getDomain: route({
    id: 'getDomain',
    feature: 'domains',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/domain',
    auth: 'studio',
    role: 'owner',
    host: 'dashboard',
    summary: "The studio's custom domain, its CNAME record and its status (none yet: null)",
    ok: { status: 200, body: DomainAnswer },
  }),
  addDomain: route({
    id: 'addDomain',
    feature: 'domains',
    grants: ['table:write'],
    method: 'POST',
    path: '/api/studio/domain',
    auth: 'studio',
    role: 'owner',
    entitlement: 'customDomain',
    host: 'dashboard',
    summary: 'Claim a custom domain for the portal (a subdomain such as portal.yourstudio.com); answers the CNAME record to add',
    body: AddDomainBody,
    ok: { status: 201, body: DomainAnswer },
  }),
  verifyDomain: route({
    id: 'verifyDomain',
    feature: 'domains',
    grants: ['table:write', 'cdn:tenants'],
    method: 'POST',
    path: '/api/studio/domain/verify',
    auth: 'studio',
    role: 'owner',
    entitlement: 'customDomain',
    host: 'dashboard',
    summary: "Check the custom domain's DNS and certificate and move its status on (pending DNS → validating certificate → active)",
    ok: { status: 200, body: DomainAnswer },
  }),
  removeDomain: route({
    id: 'removeDomain',
    feature: 'domains',
    grants: ['table:write', 'cdn:tenants'],
    method: 'DELETE',
    path: '/api/studio/domain',
    auth: 'studio',
    role: 'owner',
    host: 'dashboard',
    summary: 'Remove the custom domain: the portal stops answering on it and the host is free to claim again',
    ok: { status: 204 },
  }),
} as const;
