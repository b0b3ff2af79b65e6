import { listMentions, studioCaller } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listStudioMentions, async ({ query, studioSession }) => ({
  body: await listMentions(studioCaller(studioSession), pageRequest(query)),
}));
