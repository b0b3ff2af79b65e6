import { studioAttachment } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadFeedbackAttachment, async ({ params, studioSession }) => ({
  body: await studioAttachment(studioSession, params.projectId, params.feedbackId, params.attachmentId),
}));
