import { getRelease } from '../../shared/features/releases/data.ts';
import { sealedDownload } from '../../shared/features/releases/domain/downloads.ts';
import { presenceOf } from '../../shared/features/releases/domain/presence.ts';
import { clientContext } from '../../shared/features/releases/domain/sign.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(
  routes.downloadClientSealedRelease,
  async ({ params, viewerIp, event, clientSession: { studio, client } }) => {
    const ctx = await clientContext(studio, client, params.releaseId, presenceOf('portal_session', viewerIp, event.headers));
    const release = await getRelease(ctx.releaseId);
    if (!release) throw new Error('The release vanished');
    const actor = { kind: 'client' as const, id: client.clientId, name: client.name, email: client.email };
    return { body: await sealedDownload(release, actor, ctx.presence) };
  },
);
