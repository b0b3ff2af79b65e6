import { billingOverview } from '../../shared/features/invoices/domain/overview.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getBillingOverview, async ({ studioSession: { studio } }) => ({
  body: { overview: await billingOverview(studio) },
}));
