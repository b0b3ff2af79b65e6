import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { clientContext, signRelease } from '../../shared/features/releases/domain/sign.ts';
import { signerRelease } from '../../shared/features/releases/domain/views.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(
  routes.signClientRelease,
  async ({ params, body, viewerIp, event, clientSession: { studio, client } }) => {
    const ctx = await clientContext(studio, client, params.releaseId, presenceOf('portal_session', viewerIp, event.headers));
    const { release, signer } = await signRelease(ctx, body);
    return { body: { release: await signerRelease(studio, release, signer) } };
  },
);
