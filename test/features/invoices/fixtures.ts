// The billing story the invoice e2e test (test/e2e/invoice-payment.test.ts) plays in: a studio with
// its Stripe account connected (the local Stripe stand-in), a client of it with a project whose
// deposit is paid and whose final invoice is sent and unpaid, and a gallery of that project whose
// originals that final invoice holds back (its unlocks).
import type { Page } from 'playwright-core';

export interface BillingWorld {
  /** The studio's portal, e.g. http://northlight.localhost:<port>. */
  portalUrl: string;
  /** The dashboard, e.g. http://localhost:<port>. */
  dashboardUrl: string;
  /** Signs the world's client in on `page` (a magic link redeemed in the browser): ends on the portal home. */
  signInClient(page: Page): Promise<void>;
  /** Signs the studio's owner in on `page`, on the dashboard: ends on the overview. */
  studioSignIn(page: Page): Promise<void>;
  /** The final invoice: sent, nothing paid on it yet, its deposit deducted as a line. */
  finalInvoiceId: string;
  /** Its number as printed, e.g. "INV-0003". */
  finalNumber: string;
  /** What is due on it as the portal formats it (formatMoney), e.g. "£1,200.00". */
  finalAmountDue: string;
  /** A gallery of the client's, with ready images and downloads allowed, whose originals wait for the final invoice. */
  galleryId: string;
}

/** Builds the world against the local stack the e2e run started (vitest's `porticoPort`). */
export async function billingWorld(): Promise<BillingWorld> {
  throw new Error('billingWorld: not wired yet');
}
