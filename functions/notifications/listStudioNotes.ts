import { listNotes, studioCaller } from '../../shared/features/notifications/domain/centre.ts';
import { routes } from '../../shared/features/notifications/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listStudioNotes, async ({ query, studioSession }) => ({
  body: await listNotes(studioCaller(studioSession), pageRequest(query)),
}));
