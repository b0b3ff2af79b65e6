import { addDomain } from '../../shared/features/domains/domain/domains.ts';
import { routes } from '../../shared/features/domains/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.addDomain, async ({ body, studioSession: { studio } }) => ({
  body: { domain: await addDomain(studio, body.host) },
}));
