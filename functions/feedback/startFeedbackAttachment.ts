import { startAttachment } from '../../shared/features/feedback/domain/attachments.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.startFeedbackAttachment, async ({ params, body, clientSession }) => ({
  body: await startAttachment(clientSession, params.projectId, body),
}));
