import { describe, expect, it } from 'vitest';
import { loadEdgeFunctions, toEdgeRequest } from '../../local/edge-functions.ts';

const edge = loadEdgeFunctions('portico.example.com');
const site = (host: string, path: string) => edge.site({ request: toEdgeRequest('GET', new URL(path, 'http://x'), { host }) }).uri;

describe('site viewer-request function', () => {
  it('maps dashboard paths to the app half of the build', () => {
    expect(site('portico.example.com', '/')).toBe('/app/index.html');
    expect(site('portico.example.com', '/clients')).toBe('/app/clients/index.html');
    expect(site('PORTICO.example.com:443', '/clients/')).toBe('/app/clients/index.html');
  });

  it('maps portal hosts, including custom domains, to the portal half', () => {
    expect(site('northlight.portico.example.com', '/')).toBe('/portal/index.html');
    expect(site('northlight.portico.example.com', '/auth')).toBe('/portal/auth/index.html');
    expect(site('portal.somestudio.com', '/signin')).toBe('/portal/signin/index.html');
  });

  it('serves one page for every gallery id, on both halves', () => {
    const id = '2b7e1a52-1c1f-4c1c-9a40-3f1f8a2b9c01';
    expect(site('northlight.portico.example.com', `/galleries/${id}`)).toBe('/portal/galleries/detail/index.html');
    expect(site('portico.example.com', `/galleries/${id}/`)).toBe('/app/galleries/detail/index.html');
    expect(site('portico.example.com', '/galleries')).toBe('/app/galleries/index.html');
    expect(site('northlight.portico.example.com', `/projects/${id}`)).toBe('/portal/projects/detail/index.html');
    expect(site('portico.example.com', `/projects/${id}/deliverables/${id}`)).toBe('/app/projects/deliverable/index.html');
    expect(site('portico.example.com', `/projects/${id}/deliverables/x`)).toBe(`/app/projects/${id}/deliverables/x/index.html`);
    expect(site('portico.example.com', `/portal-manager/releases/${id}`)).toBe('/app/portal-manager/releases/detail/index.html');
    expect(site('northlight.portico.example.com', `/releases/${id}/`)).toBe('/portal/releases/detail/index.html');
    expect(site('northlight.portico.example.com', '/releases')).toBe('/portal/releases/index.html');
    expect(site('northlight.portico.example.com', `/billing/${id}`)).toBe('/portal/billing/detail/index.html');
    expect(site('portal.somestudio.com', `/billing/${id}/`)).toBe('/portal/billing/detail/index.html');
    expect(site('northlight.portico.example.com', '/billing')).toBe('/portal/billing/index.html');
    expect(site('northlight.portico.example.com', `/billing/${id}/pdf`)).toBe(`/portal/billing/${id}/pdf/index.html`);
    expect(site('portico.example.com', `/billing/${id}`)).toBe('/app/billing/detail/index.html');
    expect(site('portico.example.com', `/billing/${id}/`)).toBe('/app/billing/detail/index.html');
    expect(site('portico.example.com', '/billing')).toBe('/app/billing/index.html');
    expect(site('portico.example.com', '/billing/new')).toBe('/app/billing/new/index.html');
  });

  it('serves build assets as they are', () => {
    expect(site('northlight.portico.example.com', '/_astro/app.1234.js')).toBe('/_astro/app.1234.js');
    expect(site('portico.example.com', '/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('api viewer-request function', () => {
  it('passes the viewer host on and turns the session cookie into a bearer token', () => {
    const req = toEdgeRequest('GET', new URL('http://x/api/portal/me'), {
      host: 'Northlight.portico.example.com',
      cookie: 'a=1; portico_session=tok.en.sig; b=2',
      'x-portico-host': 'evil.example',
    });
    const out = edge.api({ request: req });
    expect(out.headers['x-portico-host']?.value).toBe('northlight.portico.example.com');
    expect(out.headers.authorization?.value).toBe('Bearer tok.en.sig');
  });

  it("passes the viewer's own address on, over any the viewer sent (the API sees an edge's)", () => {
    const spoofed = { host: 'northlight.portico.example.com', 'x-portico-viewer-ip': '10.9.9.9' };
    const out = edge.api({ request: toEdgeRequest('POST', new URL('http://x/api/share/gallery'), spoofed), viewer: { ip: '203.0.113.7' } });
    expect(out.headers['x-portico-viewer-ip']?.value).toBe('203.0.113.7');
    const without = edge.api({ request: toEdgeRequest('POST', new URL('http://x/api/share/gallery'), spoofed) });
    expect(without.headers['x-portico-viewer-ip']).toBeUndefined();
  });

  it('leaves an explicit Authorization header alone and adds none without a cookie', () => {
    const withHeader = edge.api({
      request: toEdgeRequest('GET', new URL('http://x/api'), { host: 'h', authorization: 'Bearer mine', cookie: 'portico_session=other' }),
    });
    expect(withHeader.headers.authorization?.value).toBe('Bearer mine');
    const without = edge.api({ request: toEdgeRequest('GET', new URL('http://x/api'), { host: 'h' }) });
    expect(without.headers.authorization).toBeUndefined();
  });
});
