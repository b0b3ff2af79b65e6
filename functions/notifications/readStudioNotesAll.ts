import { readAll, studioCaller } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.readStudioNotesAll, async ({ body, studioSession }) => ({
  body: await readAll(studioCaller(studioSession), body),
}));
