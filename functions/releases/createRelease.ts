import { createRelease } from '../../shared/features/releases/domain/create.ts';
import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { studioReleaseDetail } from '../../shared/features/releases/domain/releases.ts';
import { sendRelease } from '../../shared/features/releases/domain/send.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createRelease, async ({ body, viewerIp, event, studioSession: { studio, user } }) => {
  const presence = presenceOf('studio_session', viewerIp, event.headers);
  const draft = await createRelease(studio, user, body, presence);
  const release = body.send ? await sendRelease(studio, user, draft.releaseId, presence) : draft;
  return { body: { release: await studioReleaseDetail(studio, release.releaseId, release) } };
});
