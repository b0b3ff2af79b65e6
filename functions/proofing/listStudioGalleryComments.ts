import { personOfStudioSession } from '../../shared/features/people/index.ts';
import { commentView, listStudioGalleryComments } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listStudioGalleryComments, async ({ params, query, studioSession }) => {
  const page = await listStudioGalleryComments(studioSession, params.galleryId, pageRequest(query));
  const me = personOfStudioSession(studioSession);
  return { body: { comments: page.items.map((c) => commentView(c, me)), nextCursor: page.nextCursor } };
});
