import { listComments } from '../shared/domain/proofing.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.listComments, async ({ params, clientSession: { client, studio } }) => ({
  body: {
    comments: (await listComments(studio, client, params.galleryId, params.imageId)).map(({ authorId: _id, ...comment }) => comment),
  },
}));
