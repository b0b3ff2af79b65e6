import { clientAttachment } from '../../shared/features/feedback/domain/tasks.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadClientFeedbackAttachment, async ({ params, clientSession }) => ({
  body: await clientAttachment(clientSession, params.projectId, params.feedbackId, params.attachmentId),
}));
