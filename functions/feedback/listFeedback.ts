import { listFeedback } from '../../shared/features/feedback/domain/feedback.ts';
import { routes } from '../../shared/features/feedback/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listFeedback, async ({ query, studioSession: { studio } }) => ({
  body: await listFeedback(studio, pageRequest(query)),
}));
