import { branding } from '../../shared/features/branding/domain/view.ts';
import { routes } from '../../shared/features/studios/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getPortal, async ({ portal }) => ({ body: { studio: await branding(portal) } }));
