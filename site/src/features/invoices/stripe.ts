// Stripe.js for the embedded Checkout against the real Stripe: loaded on first use from Stripe's own
// origin by a script element added at run time (Stripe asks that it never be bundled or self-hosted),
// then the session's page mounted in a div. Locally the stand-in's page is framed instead (useCheckout).

/** The Stripe.js release for the API version in use (Checkout's `ui_mode: 'embedded_page'`). */
export const STRIPE_JS_URL = 'https://js.stripe.com/dahlia/stripe.js';

/** What of an embedded Checkout the portal uses. */
export interface EmbeddedCheckout {
  mount(element: HTMLElement): void;
  destroy(): void;
}

interface EmbeddedOptions {
  fetchClientSecret: () => Promise<string>;
}

/** The slice of Stripe.js's `Stripe(publishableKey)` instance the portal calls. */
interface StripeInstance {
  /** Stripe.js's current name for the embedded Checkout page. */
  createEmbeddedCheckoutPage?: (options: EmbeddedOptions) => EmbeddedCheckout | Promise<EmbeddedCheckout>;
  /** Its earlier name, kept by older releases. */
  initEmbeddedCheckout?: (options: EmbeddedOptions) => Promise<EmbeddedCheckout>;
}

type StripeFactory = (publishableKey: string) => StripeInstance;

let loading: Promise<StripeFactory> | null = null;

function loadStripeJs(): Promise<StripeFactory> {
  const existing = (window as unknown as { Stripe?: StripeFactory }).Stripe;
  if (existing) return Promise.resolve(existing);
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = STRIPE_JS_URL;
    script.async = true;
    script.onload = () => {
      const factory = (window as unknown as { Stripe?: StripeFactory }).Stripe;
      if (factory) resolve(factory);
      else reject(new Error('Stripe.js loaded without Stripe()'));
    };
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error('Stripe.js could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}

/** Mounts the session's embedded Checkout in `element`; the caller destroys it when done. */
export async function mountStripeCheckout(element: HTMLElement, publishableKey: string, clientSecret: string): Promise<EmbeddedCheckout> {
  const stripe = (await loadStripeJs())(publishableKey);
  const options: EmbeddedOptions = { fetchClientSecret: () => Promise.resolve(clientSecret) };
  const create = stripe.createEmbeddedCheckoutPage ?? stripe.initEmbeddedCheckout;
  if (!create) throw new Error('This Stripe.js has no embedded Checkout');
  const checkout = await create.call(stripe, options);
  checkout.mount(element);
  return checkout;
}
