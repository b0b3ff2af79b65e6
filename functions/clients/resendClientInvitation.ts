import { resendInvitation } from '../../shared/features/auth/domain/portal-auth.ts';
import { summarize } from '../../shared/features/clients/domain/clients.ts';
import { routes } from '../../shared/features/clients/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.resendClientInvitation, async ({ params, studioSession: { studio } }) => ({
  body: { client: summarize(await resendInvitation(studio, params.clientId)) },
}));
