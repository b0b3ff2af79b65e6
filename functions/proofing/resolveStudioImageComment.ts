import { personOfStudioSession } from '../../shared/features/people/index.ts';
import { commentView, resolveStudioImageComment } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.resolveStudioImageComment, async ({ params, body, studioSession }) => {
  const comment = await resolveStudioImageComment(studioSession, params.galleryId, params.imageId, params.commentId, body.resolved);
  return { body: { comment: commentView(comment, personOfStudioSession(studioSession)) } };
});
