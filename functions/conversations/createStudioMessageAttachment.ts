import { startAttachment } from '../../shared/features/conversations/domain/messages.ts';
import { threadForStudio } from '../../shared/features/conversations/domain/threads.ts';
import { routes } from '../../shared/features/conversations/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createStudioMessageAttachment, async ({ params, body, studioSession }) => ({
  body: await startAttachment(await threadForStudio(studioSession, params.threadId), body),
}));
