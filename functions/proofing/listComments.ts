import { commentView, listComments } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listComments, async ({ params, clientSession: { client, studio } }) => ({
  body: {
    comments: (await listComments(studio, client, params.galleryId, params.imageId)).map(commentView),
  },
}));
