import { studioReleases } from '../../shared/features/releases/domain/releases.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listReleases, async ({ query, studioSession: { studio } }) => ({
  body: await studioReleases(studio, pageRequest(query)),
}));
