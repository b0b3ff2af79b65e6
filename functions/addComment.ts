import { addComment } from '../shared/domain/proofing.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.addComment, async ({ params, body, clientSession: { client, studio } }) => {
  const { authorId: _id, ...comment } = await addComment(studio, client, params.galleryId, params.imageId, body.text);
  return { body: { comment } };
});
