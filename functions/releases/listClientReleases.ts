import { clientReleases } from '../../shared/features/releases/domain/releases.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listClientReleases, async ({ clientSession: { studio, client } }) => ({
  body: { releases: await clientReleases(studio, client) },
}));
