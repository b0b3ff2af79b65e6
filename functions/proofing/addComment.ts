import { clientPerson } from '../../shared/features/people/index.ts';
import { addClientImageComment, commentView } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.addComment, async ({ params, body, clientSession: { client, studio } }) => {
  const comment = await addClientImageComment(studio, client, params.galleryId, params.imageId, body);
  return { body: { comment: commentView(comment, clientPerson(client.clientId)) } };
});
