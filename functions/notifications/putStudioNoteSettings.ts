import { saveSettings, studioCaller } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.putStudioNoteSettings, async ({ body, studioSession }) => ({
  body: await saveSettings(studioCaller(studioSession), body),
}));
