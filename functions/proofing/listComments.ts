import { clientPerson } from '../../shared/features/people/index.ts';
import { listComments } from '../../shared/features/proofing/domain/proofing.ts';
import { commentView } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listComments, async ({ params, query, clientSession: { client, studio } }) => {
  const page = await listComments(studio, client, params.galleryId, params.imageId, pageRequest(query));
  const me = clientPerson(client.clientId);
  return { body: { comments: page.items.map((c) => commentView(c, me)), nextCursor: page.nextCursor } };
});
