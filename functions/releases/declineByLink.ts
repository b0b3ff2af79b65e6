import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { declineRelease, linkContext } from '../../shared/features/releases/domain/sign.ts';
import { signerRelease } from '../../shared/features/releases/domain/views.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.declineByLink, async ({ body, viewerIp, event, portal }) => {
  const ctx = await linkContext(portal, body.token, presenceOf('one_time_link', viewerIp, event.headers));
  const { release, signer } = await declineRelease(ctx, body.reason);
  return { body: { release: await signerRelease(portal, release, signer) } };
});
