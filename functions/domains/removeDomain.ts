import { removeDomain } from '../../shared/features/domains/domain/domains.ts';
import { routes } from '../../shared/features/domains/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.removeDomain, async ({ studioSession: { studio } }) => {
  await removeDomain(studio);
  return {};
});
