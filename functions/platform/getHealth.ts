import { routes } from '../../shared/features/platform/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getHealth, async () => ({ body: { status: 'ok' as const, time: new Date().toISOString() } }));
