import { branding } from '../shared/domain/studios.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getClientMe, async ({ clientSession: { client, studio } }) => ({
  body: { client: { name: client.name, email: client.email, accessExpiresAt: client.accessExpiresAt }, studio: await branding(studio) },
}));
