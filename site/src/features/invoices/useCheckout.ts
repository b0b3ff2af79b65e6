// Pay: a Checkout Session for what is due, shown in the page. Against Stripe, Stripe.js mounts its
// embedded Checkout in a div; locally the stand-in's page is framed and tells the portal the outcome
// by postMessage (only from the frame's own origin). Either way Stripe sends the client back to
// /billing/<id>?session_id=…, where the page asks the API how it went.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckoutStart } from '../../../../shared/features/invoices/schemas.ts';
import { call, messageOf } from '../../lib/api.ts';
import { type EmbeddedCheckout, mountStripeCheckout } from './stripe.ts';

export type Checkout =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'open'; start: CheckoutStart }
  | { phase: 'failed'; message: string };

/** What the stand-in's frame posts: the session completed (go to the return page) or a card declined. */
type StandInMessage =
  | { source: 'stripe-stand-in'; status: 'complete'; sessionId: string; returnUrl: string }
  | { source: 'stripe-stand-in'; status: 'declined'; message: string };

function standInMessage(data: unknown): StandInMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.source !== 'stripe-stand-in') return null;
  if (d.status === 'complete' && typeof d.returnUrl === 'string' && typeof d.sessionId === 'string') return d as StandInMessage;
  if (d.status === 'declined' && typeof d.message === 'string') return d as StandInMessage;
  return null;
}

/** The return page on this portal only: a message naming another site falls back to our own address. */
function returnTarget(returnUrl: string, invoiceId: string, sessionId: string): string {
  try {
    const url = new URL(returnUrl, location.href);
    if (url.origin === location.origin) return url.href;
  } catch {
    // Not a URL: use our own.
  }
  return `/billing/${encodeURIComponent(invoiceId)}?session_id=${encodeURIComponent(sessionId)}`;
}

export function useCheckout(invoiceId: string) {
  const [checkout, setCheckout] = useState<Checkout>({ phase: 'idle' });
  const [declined, setDeclined] = useState('');
  // A second click before the first answer starts nothing: the ref is set before any render.
  const pending = useRef(false);
  const mountPoint = useRef<HTMLDivElement>(null);

  const start = async () => {
    if (pending.current || checkout.phase === 'open') return;
    pending.current = true;
    setDeclined('');
    setCheckout({ phase: 'starting' });
    try {
      const started = await call('startCheckout', { params: { invoiceId } });
      setCheckout({ phase: 'open', start: started });
    } catch (e) {
      setCheckout({ phase: 'failed', message: messageOf(e) });
    } finally {
      pending.current = false;
    }
  };

  const close = () => {
    setDeclined('');
    setCheckout({ phase: 'idle' });
  };

  const open = checkout.phase === 'open' ? checkout.start : null;

  // The stand-in's frame: trust only messages from its own origin.
  useEffect(() => {
    if (!open?.standInUrl) return;
    const frameOrigin = new URL(open.standInUrl, location.href).origin;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== frameOrigin) return;
      const message = standInMessage(event.data);
      if (!message) return;
      if (message.status === 'complete') location.assign(returnTarget(message.returnUrl, invoiceId, message.sessionId));
      else setDeclined(message.message);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [open?.standInUrl, invoiceId]);

  // Stripe's embedded Checkout, mounted once the div is in the page, destroyed when it goes.
  useEffect(() => {
    if (!open || open.standInUrl || !mountPoint.current) return;
    let live = true;
    let mounted: EmbeddedCheckout | null = null;
    mountStripeCheckout(mountPoint.current, open.publishableKey, open.clientSecret).then(
      (c) => {
        if (live) mounted = c;
        else c.destroy();
      },
      () => live && setCheckout({ phase: 'failed', message: 'We couldn’t load the payment form. Check your connection and try again.' }),
    );
    return () => {
      live = false;
      mounted?.destroy();
    };
  }, [open]);

  return { checkout, declined, start, close, mountPoint, busy: checkout.phase === 'starting' };
}
