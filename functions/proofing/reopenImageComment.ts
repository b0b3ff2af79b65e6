import { clientPerson } from '../../shared/features/people/index.ts';
import { commentView, reopenClientImageComment } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.reopenImageComment, async ({ params, body, clientSession: { client, studio } }) => {
  const comment = await reopenClientImageComment(studio, client, params.galleryId, params.imageId, params.commentId, body.resolved);
  return { body: { comment: commentView(comment, clientPerson(client.clientId)) } };
});
