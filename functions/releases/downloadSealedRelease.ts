import { sealedDownload } from '../../shared/features/releases/domain/downloads.ts';
import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { studioRelease } from '../../shared/features/releases/domain/releases.ts';
import { userActor } from '../../shared/features/releases/domain/send.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadSealedRelease, async ({ params, viewerIp, event, studioSession: { studio, user } }) => {
  const release = await studioRelease(studio, params.releaseId);
  return { body: await sealedDownload(release, userActor(user), presenceOf('studio_session', viewerIp, event.headers)) };
});
