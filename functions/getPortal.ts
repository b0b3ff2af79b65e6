import { branding } from '../shared/domain/studios.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getPortal, async ({ portal }) => ({ body: { studio: await branding(portal) } }));
