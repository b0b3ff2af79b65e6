import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getHealth, async () => ({ body: { status: 'ok', time: new Date().toISOString() } }));
