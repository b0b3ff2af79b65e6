import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { studioReleaseDetail } from '../../shared/features/releases/domain/releases.ts';
import { remindRelease, userActor } from '../../shared/features/releases/domain/send.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.remindRelease, async ({ params, viewerIp, event, studioSession: { studio, user } }) => {
  const presence = presenceOf('studio_session', viewerIp, event.headers);
  const release = await remindRelease(studio, userActor(user), params.releaseId, presence);
  return { body: { release: await studioReleaseDetail(studio, release.releaseId, release) } };
});
