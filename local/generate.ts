// `npm run gen`: writes the files generated from the code, which are committed so that Lambdas,
// readers and the site use them without running the generators. A unit test fails when any is stale.
//   shared/openapi.json   the OpenAPI document (the getOpenApi Lambda serves it: no zod-openapi at run time)
//   shared/data/KEYS.md   the key table, assembled from the features' records.ts
//   site/src/lib/api-routes.gen.ts   where each route lives, for the site's `call(routeId, …)`
import { writeFileSync } from 'node:fs';
import { keyTableMarkdown } from '../shared/key-table.ts';
import { openApiJson } from '../shared/openapi.ts';
import { renderApiRoutes } from './gen-api-routes.ts';

export const GENERATED = {
  'shared/openapi.json': () => openApiJson(),
  'shared/data/KEYS.md': () => keyTableMarkdown(),
  'site/src/lib/api-routes.gen.ts': () => renderApiRoutes(),
} as const;

if (import.meta.main) {
  for (const [file, make] of Object.entries(GENERATED)) {
    writeFileSync(new URL(`../${file}`, import.meta.url), make());
    console.log(`wrote ${file}`);
  }
}
