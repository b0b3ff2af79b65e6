import { personOfStudioSession } from '../../shared/features/people/index.ts';
import { addStudioImageComment, commentView } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.addStudioImageComment, async ({ params, body, studioSession }) => {
  const comment = await addStudioImageComment(studioSession, params.galleryId, params.imageId, body);
  return { body: { comment: commentView(comment, personOfStudioSession(studioSession)) } };
});
