import { clientCaller, readAll } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.readClientNotesAll, async ({ body, clientSession }) => ({
  body: await readAll(clientCaller(clientSession), body),
}));
