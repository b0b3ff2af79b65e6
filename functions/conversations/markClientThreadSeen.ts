import { markSeen } from '../../shared/features/conversations/domain/messages.ts';
import { threadForClient } from '../../shared/features/conversations/domain/threads.ts';
import { routes } from '../../shared/features/conversations/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.markClientThreadSeen, async ({ params, body, clientSession }) => ({
  body: await markSeen(await threadForClient(clientSession, params.threadId), body.seq),
}));
