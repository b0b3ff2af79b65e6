import { disconnectStripe } from '../../shared/features/invoices/domain/settings.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.disconnectStripe, async ({ studioSession: { studio } }) => ({
  body: { settings: await disconnectStripe(studio) },
}));
