import { sendMessage } from '../../shared/features/conversations/domain/messages.ts';
import { threadForClient } from '../../shared/features/conversations/domain/threads.ts';
import { routes } from '../../shared/features/conversations/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.sendClientMessage, async ({ params, body, clientSession }) => ({
  body: { message: await sendMessage(await threadForClient(clientSession, params.threadId), body) },
}));
