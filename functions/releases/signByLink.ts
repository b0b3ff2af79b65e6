import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { linkContext, signRelease } from '../../shared/features/releases/domain/sign.ts';
import { signerRelease } from '../../shared/features/releases/domain/views.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.signByLink, async ({ body: { token, ...sign }, viewerIp, event, portal }) => {
  const ctx = await linkContext(portal, token, presenceOf('one_time_link', viewerIp, event.headers));
  const { release, signer } = await signRelease(ctx, sign);
  return { body: { release: await signerRelease(portal, release, signer) } };
});
