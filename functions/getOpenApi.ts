import { defineHandler } from '../shared/http/handler.ts';
import { openApiDocument } from '../shared/openapi.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getOpenApi, async () => ({
  body: openApiDocument(),
  headers: { 'cache-control': 'public, max-age=300' },
}));
