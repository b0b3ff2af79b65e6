import { sendMessage } from '../../shared/features/conversations/domain/messages.ts';
import { threadForStudio } from '../../shared/features/conversations/domain/threads.ts';
import { routes } from '../../shared/features/conversations/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.sendStudioMessage, async ({ params, body, studioSession }) => ({
  body: { message: await sendMessage(await threadForStudio(studioSession, params.threadId), body) },
}));
