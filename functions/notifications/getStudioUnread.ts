import { studioCaller, unreadCount } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getStudioUnread, async ({ studioSession }) => ({
  body: await unreadCount(studioCaller(studioSession)),
}));
