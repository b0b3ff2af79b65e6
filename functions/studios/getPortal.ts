import { branding } from '../../shared/features/studios/domain/studios.ts';
import { routes } from '../../shared/features/studios/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getPortal, async ({ portal }) => ({ body: { studio: await branding(portal) } }));
