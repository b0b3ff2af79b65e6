import { studioReleaseDetail } from '../../shared/features/releases/domain/releases.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getRelease, async ({ params, studioSession: { studio } }) => ({
  body: { release: await studioReleaseDetail(studio, params.releaseId) },
}));
