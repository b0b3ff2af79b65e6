import { clientCaller, saveSettings } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.putClientNoteSettings, async ({ body, clientSession }) => ({
  body: await saveSettings(clientCaller(clientSession), body),
}));
