import { confirmSelection } from '../../shared/features/proofing/domain/proofing.ts';
import { submissionView } from '../../shared/features/proofing/domain/submissions.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.confirmSelection, async ({ params, clientSession: { client, studio } }) => {
  return { body: { submission: submissionView(await confirmSelection(studio, client, params.galleryId)) } };
});
