import { csvRows } from '../../../csv.ts';
import { notFound } from '../../../errors.ts';
import type { PageRequest } from '../../../paging.ts';
import { galleryOfStudio, type SubmissionRecord } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
import { getSubmission, querySubmissions } from '../data.ts';
import type { Submission } from '../schemas.ts';

/** A submission as the API shows it: the files by name, not the image ids. */
export const submissionView = (s: SubmissionRecord): Submission => ({
  submissionId: s.submissionId,
  galleryId: s.galleryId,
  clientId: s.clientId,
  clientName: s.clientName,
  clientEmail: s.clientEmail,
  confirmedAt: s.confirmedAt,
  count: s.count,
  fileNames: s.fileNames,
});

/** A page of the gallery's confirmed selections, the latest first within the page. */
export async function gallerySubmissions(studio: Studio, galleryId: string, page: PageRequest) {
  await galleryOfStudio(studio, galleryId);
  const { items, nextCursor } = await querySubmissions(galleryId, page);
  const submissions = items.sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt)).map(submissionView);
  return { submissions, nextCursor };
}

/** One row per image: what a spreadsheet or a photo tool wants. Cells that could be formulas are defused. */
export function submissionCsv(submission: SubmissionRecord): string {
  const rows = [
    ['file_name', 'client', 'email', 'confirmed_at'],
    ...submission.fileNames.map((f) => [f, submission.clientName, submission.clientEmail, submission.confirmedAt]),
  ];
  return csvRows(rows);
}

export async function findSubmission(studio: Studio, galleryId: string, submissionId: string): Promise<SubmissionRecord> {
  await galleryOfStudio(studio, galleryId);
  const submission = await getSubmission(galleryId, submissionId);
  if (!submission) throw notFound('No such submission.');
  return submission;
}

/**
 * The latest confirmed selections of these galleries: one bounded page of each (read in parallel),
 * then the newest `keep` of them. Bounded, not complete: a gallery with more submissions than a
 * page shows the ones of its first page (key order), which for a studio's overview is enough.
 */
export async function recentSubmissions(galleryIds: readonly string[], perGallery: number, keep: number): Promise<Submission[]> {
  const pages = await Promise.all(galleryIds.map((id) => querySubmissions(id, { limit: perGallery })));
  return pages
    .flatMap((p) => p.items)
    .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))
    .slice(0, keep)
    .map(submissionView);
}
