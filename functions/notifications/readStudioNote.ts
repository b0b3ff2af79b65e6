import { markRead, studioCaller } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.readStudioNote, async ({ params, studioSession }) => ({
  body: await markRead(studioCaller(studioSession), params.noteId),
}));
