// Settings → Payments: the studio's own Stripe account (its restricted key and webhook signing secret,
// checked against Stripe, then sealed by the vault: never returned, never logged) and the invoicing
// details printed on every invoice.
import { stripeClient } from '../../../adapters/stripe.ts';
import { openSecret, sealSecret } from '../../../adapters/vault.ts';
import { dashboardUrl } from '../../../config.ts';
import { invalid, unavailable } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import type { Studio } from '../../studios/index.ts';
import { CURRENCIES, type Currency, STRIPE_KEY_PERMISSIONS, STRIPE_WEBHOOK_EVENTS } from '../constants.ts';
import { deleteStripeSettings, getInvoicingSettings, getStripeSettings, putInvoicingSettings, putStripeSettings } from '../data.ts';
import type { InvoicingSettingsRecord, StripeSettingsRecord } from '../records.ts';
import type { BillingSettings, ConnectStripeBody, InvoicingSettingsBody } from '../schemas.ts';

export const DEFAULT_DUE_DAYS = 14;

/** The studio's invoicing details, or the defaults a new studio starts with. */
export async function invoicingOf(studio: Studio): Promise<InvoicingSettingsRecord> {
  return (
    (await getInvoicingSettings(studio.studioId)) ?? {
      studioId: studio.studioId,
      legalName: studio.name,
      address: '',
      email: studio.supportEmail ?? '',
      taxIds: [],
      prefix: 'INV-',
      dueDays: DEFAULT_DUE_DAYS,
      defaultTerms: `Payment is due within ${DEFAULT_DUE_DAYS} days of the invoice date.`,
      defaultCurrency: 'GBP',
    }
  );
}

export const webhookUrlOf = (studioId: string): string => `${dashboardUrl()}/api/webhooks/stripe/${studioId}`;

/** `rk_live_…a1b2`: enough to tell keys apart, never enough to use one. */
const hintOf = (key: string): string => `${key.slice(0, key.indexOf('_', 3) + 1)}…${key.slice(-4)}`;

function connectionView(studioId: string, s: StripeSettingsRecord | null): BillingSettings['stripe'] {
  return {
    connected: s !== null,
    accountId: s?.accountId ?? null,
    accountName: s?.accountName ?? null,
    currency: s?.currency ?? null,
    livemode: s?.livemode ?? null,
    keyHint: s?.keyHint ?? null,
    publishableKey: s?.publishableKey ?? null,
    connectedAt: s?.connectedAt ?? null,
    webhookUrl: webhookUrlOf(studioId),
    events: [...STRIPE_WEBHOOK_EVENTS],
    permissions: [...STRIPE_KEY_PERMISSIONS],
  };
}

export async function billingSettings(studio: Studio): Promise<BillingSettings> {
  const [stripe, invoicing] = await Promise.all([getStripeSettings(studio.studioId), invoicingOf(studio)]);
  const { legalName, address, email, taxIds, prefix, dueDays, defaultTerms, defaultCurrency } = invoicing;
  return {
    stripe: connectionView(studio.studioId, stripe),
    invoicing: { legalName, address, email, taxIds, prefix, dueDays, defaultTerms, defaultCurrency },
  };
}

/** Stripe's answer to a key it refuses, as a field error; an outage as 503 (the key may be fine). */
function refusal(e: unknown): Error {
  const err = e as { type?: string; statusCode?: number; message?: string };
  if (
    err.type === 'StripeAuthenticationError' ||
    err.type === 'StripePermissionError' ||
    err.statusCode === 401 ||
    err.statusCode === 403
  ) {
    const message =
      err.type === 'StripePermissionError' || err.statusCode === 403
        ? 'Stripe accepted the key but it may not read the account: give it the permissions listed.'
        : 'Stripe does not accept this key: copy it again from Developers → API keys.';
    return invalid('stripe_key_refused', message, { secretKey: [message] });
  }
  logger.warn('Stripe could not be reached to check a key', { type: err.type, statusCode: err.statusCode });
  return unavailable('Stripe could not be reached to check the key. Please try again in a moment.');
}

export async function connectStripe(studio: Studio, body: ConnectStripeBody): Promise<BillingSettings> {
  const live = (k: string) => k.includes('_live_');
  if (live(body.secretKey) !== live(body.publishableKey))
    throw invalid('stripe_mode_mismatch', 'The secret and publishable keys must both be live keys or both be test keys.', {
      publishableKey: ['is not of the same mode as the secret key'],
    });
  let account: { id: string; name: string; currency: string; livemode: boolean };
  try {
    const a = await stripeClient(body.secretKey).accounts.retrieveCurrent();
    const name = a.settings?.dashboard?.display_name || a.business_profile?.name || a.email || a.id;
    account = { id: a.id, name, currency: (a.default_currency ?? 'gbp').toUpperCase(), livemode: live(body.secretKey) };
  } catch (e) {
    throw refusal(e);
  }
  const context = { studioId: studio.studioId };
  const record: StripeSettingsRecord = {
    studioId: studio.studioId,
    accountId: account.id,
    accountName: account.name,
    currency: account.currency,
    livemode: account.livemode,
    keyHint: hintOf(body.secretKey),
    publishableKey: body.publishableKey,
    sealed: { secretKey: await sealSecret(body.secretKey, context), webhookSecret: await sealSecret(body.webhookSecret, context) },
    connectedAt: new Date().toISOString(),
  };
  await putStripeSettings(record);
  // A new studio's invoices default to the account's currency, when Portico prices in it.
  const invoicing = await getInvoicingSettings(studio.studioId);
  if (!invoicing && (CURRENCIES as string[]).includes(account.currency))
    await putInvoicingSettings({ ...(await invoicingOf(studio)), defaultCurrency: account.currency as Currency });
  return billingSettings(studio);
}

export async function disconnectStripe(studio: Studio): Promise<BillingSettings> {
  await deleteStripeSettings(studio.studioId);
  return billingSettings(studio);
}

export async function updateInvoicing(studio: Studio, body: InvoicingSettingsBody): Promise<BillingSettings> {
  await putInvoicingSettings({ ...body, email: body.email ?? '', studioId: studio.studioId });
  return billingSettings(studio);
}

export interface StripeKeys {
  settings: StripeSettingsRecord;
  secretKey: string;
  webhookSecret: string;
}

/** The studio's Stripe keys, opened (only the payment functions hold the vault's key); null when not connected. */
export async function stripeKeysOf(studioId: string): Promise<StripeKeys | null> {
  const settings = await getStripeSettings(studioId);
  if (!settings) return null;
  const context = { studioId };
  const [secretKey, webhookSecret] = await Promise.all([
    openSecret(settings.sealed.secretKey, context),
    openSecret(settings.sealed.webhookSecret, context),
  ]);
  return { settings, secretKey, webhookSecret };
}
