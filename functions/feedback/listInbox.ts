import { myInbox } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listInbox, async ({ query, studioSession }) => ({
  body: { tasks: await myInbox(studioSession, query.sort) },
}));
