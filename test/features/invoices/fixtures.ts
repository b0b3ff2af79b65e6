// The billing story the invoice e2e test (test/e2e/invoice-payment.test.ts) plays in: a studio with
// its Stripe account connected (the local Stripe stand-in), a client of it with a project whose
// deposit is paid and whose final invoice is sent and unpaid, and a gallery of that project whose
// originals that final invoice holds back (its unlocks).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { formatMoney } from '../../../shared/features/invoices/constants.ts';
import { signInOnDashboard } from '../../support/browser.ts';
import { addReadyImages, findStudioBySlugForTest, setStudioPlanForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, magicTokenIn, mailbox, portal, signUpAndSignIn } from '../../support/http.ts';
import { galleryRules } from '../../support/portal-actors.ts';
import { line } from './actors.ts';
import { connectStripe, createAndSend, deliveryCount, payInvoice, webhooksDelivered } from './billing.ts';

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
  const port = inject('porticoPort');
  const tag = randomUUID().slice(0, 8);
  const slug = `pay-${tag}`;
  const owner = { email: `owner-${slug}@example.com`, password: `Owner-${tag}-9Aa`, name: 'Pay Owner' };
  const studio = new Browser(port);
  expect((await signUpAndSignIn(studio, { studioName: `Pay Studio ${tag}`, slug, ...owner })).status).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  await setStudioPlanForTest(studioId, 'growth');
  await connectStripe(studio, studioId, `Pay Studio ${tag} Ltd`);
  const email = `payer-${tag}@example.com`;
  const invited = await studio.post(DASHBOARD, '/api/studio/clients', { email, name: `Payer ${tag}` });
  expect(invited.status, invited.text).toBe(201);
  const clientId = invited.body.client.clientId as string;
  const clientApi = new Browser(port);
  const invitation = (await mailbox(port)).find((m) => m.to.includes(email) && /auth#token=/.test(m.text));
  expect((await clientApi.post(portal(slug), '/api/portal/session', { token: magicTokenIn(invitation?.text ?? '') })).status).toBe(200);
  const me = await studio.get(DASHBOARD, '/api/studio/me');
  const project = await studio.post(DASHBOARD, '/api/studio/projects', {
    title: `Wedding ${tag}`,
    contactIds: [clientId],
    leadId: me.body.user.userId,
    status: 'in_progress',
  });
  expect(project.status, project.text).toBe(201);
  const projectId = project.body.project.projectId as string;
  const gallery = await studio.post(DASHBOARD, '/api/studio/galleries', {
    clientId,
    projectId,
    title: `Wedding day ${tag}`,
    rules: galleryRules({ downloads: 'original' }),
  });
  expect(gallery.status, gallery.text).toBe(201);
  const galleryId = gallery.body.gallery.galleryId as string;
  await addReadyImages(studioId, galleryId, 3, `PAY_${tag}`);
  expect((await studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } })).status).toBe(200);

  const fee = [line('Wedding day coverage', 180_000), line('Fine-art album', 45_000)];
  const deposit = await createAndSend(studio, {
    kind: 'deposit',
    clientId,
    projectId,
    currency: 'GBP',
    fee: { lines: fee },
    portion: { kind: 'percent', basisPoints: 2500 },
  });
  const before = await deliveryCount();
  expect((await payInvoice(clientApi, portal(slug), deposit.invoiceId)).status).toBe(200);
  await webhooksDelivered(before + 1);
  const final = await createAndSend(studio, {
    kind: 'final',
    clientId,
    projectId,
    currency: 'GBP',
    lines: fee,
    unlocks: { galleryIds: [galleryId], deliverableIds: [] },
  });
  expect(final.deductions).toHaveLength(1);
  const portalUrl = `http://${portal(slug)}:${port}`;
  const dashboardUrl = `http://${DASHBOARD}:${port}`;
  return {
    portalUrl,
    dashboardUrl,
    finalInvoiceId: final.invoiceId,
    finalNumber: final.number,
    finalAmountDue: formatMoney(final.amountDue, 'GBP'),
    galleryId,
    async signInClient(page) {
      await clientApi.post(portal(slug), '/api/portal/magic-link', { email });
      const mail = (await mailbox(port)).find((m) => m.to.includes(email) && /auth#token=/.test(m.text));
      await page.goto(`${portalUrl}/auth#token=${magicTokenIn(mail?.text ?? '')}`);
      await page.waitForURL(`${portalUrl}/`);
    },
    async studioSignIn(page) {
      await signInOnDashboard(page, dashboardUrl, owner);
    },
  };
}
