import { readThread } from '../../shared/features/conversations/domain/messages.ts';
import { threadForStudio } from '../../shared/features/conversations/domain/threads.ts';
import { routes } from '../../shared/features/conversations/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listStudioThread, async ({ params, query, studioSession }) => ({
  body: await readThread(await threadForStudio(studioSession, params.threadId), query),
}));
