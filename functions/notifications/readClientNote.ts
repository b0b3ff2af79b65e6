import { clientCaller, markRead } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.readClientNote, async ({ params, clientSession }) => ({
  body: await markRead(clientCaller(clientSession), params.noteId),
}));
