import { summarize } from '../shared/domain/clients.ts';
import { inviteClient } from '../shared/domain/portal-auth.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.inviteClient, async ({ body, studioSession: { studio } }) => ({
  body: { client: summarize(await inviteClient(studio, body)) },
}));
