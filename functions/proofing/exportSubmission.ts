import { findSubmission, submissionCsv } from '../../shared/features/proofing/domain/submissions.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { attachmentDisposition } from '../../shared/safe-text.ts';

export const handler = defineHandler(routes.exportSubmission, async ({ params, studioSession: { studio } }) => {
  const submission = await findSubmission(studio, params.galleryId, params.submissionId);
  const name = `${submission.clientName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'client'} selection ${submission.confirmedAt.slice(0, 10)}.csv`;
  return {
    raw: submissionCsv(submission),
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachmentDisposition(name) },
  };
});
