import { branding } from '../../shared/features/branding/domain/view.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getClientMe, async ({ clientSession: { client, studio } }) => ({
  body: { client: { name: client.name, email: client.email, accessExpiresAt: client.accessExpiresAt }, studio: await branding(studio) },
}));
