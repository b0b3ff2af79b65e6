import { routes } from '../../shared/features/platform/routes.ts';
import { definePublicHandler } from '../../shared/http/public-handler.ts';

export const handler = definePublicHandler(routes.getHealth, async () => ({
  body: { status: 'ok' as const, time: new Date().toISOString() },
}));
