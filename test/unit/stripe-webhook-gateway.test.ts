// What the local front door does with a Stripe webhook: a server-to-server POST (no Origin, no
// cookie) to /api/webhooks/stripe/{studioId} matches its route, and the handler's event carries the
// body's exact bytes, so a Stripe-Signature computed over them still verifies.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { eventBody, matchRoute } from '../../local/api-gateway.ts';
import { loadEdgeFunctions, toEdgeRequest } from '../../local/edge-functions.ts';

const bytesOf = (e: { body: string | undefined; isBase64Encoded: boolean }) =>
  e.body === undefined ? Buffer.alloc(0) : Buffer.from(e.body, e.isBase64Encoded ? 'base64' : 'utf8');

describe('a Stripe webhook through the local front door', () => {
  it('matches the public, any-host webhook route with its studioId', () => {
    const match = matchRoute('POST', '/api/webhooks/stripe/3f2c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6');
    expect(match).toMatchObject({ route: { id: 'receiveStripeWebhook', auth: 'public', host: 'any' } });
    expect(match !== null && match !== 'method_not_allowed' && match.params).toEqual({ studioId: '3f2c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6' });
  });

  it('gets no Origin from the edge function (a request without one is not cross-site), and the viewer host', () => {
    const headers = { host: 'localhost:3000', 'content-type': 'application/json; charset=utf-8', 'stripe-signature': 't=1,v1=x' };
    const forwarded = loadEdgeFunctions('localhost').api({
      request: toEdgeRequest('POST', new URL('http://local/api/webhooks/stripe/s1'), headers),
      viewer: { ip: '127.0.0.1' },
    });
    expect(forwarded.headers.origin).toBeUndefined();
    expect(forwarded.headers['x-portico-host']).toEqual({ value: 'localhost:3000' });
    expect(forwarded.headers['stripe-signature']).toEqual({ value: 't=1,v1=x' });
  });

  it("hands the handler the body's exact bytes: Stripe's signature over them verifies", () => {
    // As the stand-in sends it: pretty-printed JSON, non-ASCII included.
    const payload = JSON.stringify(
      { id: 'evt_1', object: 'event', type: 'checkout.session.completed', data: { name: 'Ünïcode ✓ 😀' } },
      null,
      2,
    );
    const secret = 'whsec_test_secret';
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    const event = eventBody(Buffer.from(payload, 'utf8'), 'application/json; charset=utf-8');
    expect(event.isBase64Encoded).toBe(false);
    expect(bytesOf(event).equals(Buffer.from(payload, 'utf8'))).toBe(true);
    expect(Stripe.webhooks.constructEvent(event.body as string, header, secret).id).toBe('evt_1');
  });

  it('sends bytes that are not UTF-8 as base64, unchanged, even under a text content-type', () => {
    const raw = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x7d]);
    const event = eventBody(raw, 'application/json');
    expect(event.isBase64Encoded).toBe(true);
    expect(bytesOf(event).equals(raw)).toBe(true);
    expect(eventBody(Buffer.alloc(0), 'application/json')).toEqual({ body: undefined, isBase64Encoded: false });
    const binary = eventBody(Buffer.from([1, 2, 3]), 'application/octet-stream');
    expect(binary.isBase64Encoded).toBe(true);
    expect(bytesOf(binary)).toEqual(Buffer.from([1, 2, 3]));
  });
});
