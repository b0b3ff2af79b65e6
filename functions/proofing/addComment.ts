import { addComment, commentView } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.addComment, async ({ params, body, clientSession: { client, studio } }) => {
  const comment = await addComment(studio, client, params.galleryId, params.imageId, body.text);
  return { body: { comment: commentView(comment) } };
});
