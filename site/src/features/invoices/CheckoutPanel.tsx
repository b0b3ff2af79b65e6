// The checkout in the page: Stripe's embedded Checkout (mounted by useCheckout) or, locally, the
// stand-in's page in a frame; a declined card's message above it, and a way to close it.
import type { Ref } from 'preact';
import { Notice } from '../../components/ui/Notice.tsx';
import type { Checkout } from './useCheckout.ts';

interface CheckoutPanelProps {
  checkout: Checkout;
  declined: string;
  mountPoint: Ref<HTMLDivElement>;
  onClose: () => void;
}

export function CheckoutPanel({ checkout, declined, mountPoint, onClose }: CheckoutPanelProps) {
  return (
    <>
      <Notice role="alert">{checkout.phase === 'failed' ? checkout.message : declined}</Notice>
      {checkout.phase === 'open' && (
        <section class="card invoice-checkout" aria-labelledby="checkout-heading">
          <div class="invoice-checkout__head">
            <h2 id="checkout-heading" class="invoice-section__title">
              Pay securely
            </h2>
            <button type="button" class="button button--ghost button--small" onClick={onClose}>
              Cancel
            </button>
          </div>
          {checkout.start.standInUrl ? (
            <iframe class="invoice-checkout__frame" src={checkout.start.standInUrl} title="Stripe Checkout" />
          ) : (
            <div class="invoice-checkout__mount" ref={mountPoint} />
          )}
        </section>
      )}
    </>
  );
}
