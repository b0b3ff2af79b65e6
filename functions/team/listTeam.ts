import { listTeam } from '../../shared/features/team/domain/team.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listTeam, async ({ studioSession: { studio, user } }) => ({
  body: await listTeam(studio, user),
}));
