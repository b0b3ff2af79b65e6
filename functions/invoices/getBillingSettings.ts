import { billingSettings } from '../../shared/features/invoices/domain/settings.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getBillingSettings, async ({ studioSession: { studio } }) => ({
  body: { settings: await billingSettings(studio) },
}));
