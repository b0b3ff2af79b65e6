import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { studioReleaseDetail } from '../../shared/features/releases/domain/releases.ts';
import { voidRelease } from '../../shared/features/releases/domain/send.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.voidRelease, async ({ params, body, viewerIp, event, studioSession: { studio, user } }) => {
  const release = await voidRelease(studio, user, params.releaseId, body.reason, presenceOf('studio_session', viewerIp, event.headers));
  return { body: { release: await studioReleaseDetail(studio, release.releaseId, release) } };
});
