import { notFound } from '../../../errors.ts';
import { galleryOfStudio, loadGalleryContents, type SubmissionRecord } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
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

export function submissionsOf(contents: { submissions: SubmissionRecord[] }): Submission[] {
  return contents.submissions.map(submissionView);
}

export async function gallerySubmissions(studio: Studio, galleryId: string) {
  await galleryOfStudio(studio, galleryId);
  return submissionsOf(await loadGalleryContents(galleryId));
}

/** One row per image: what a spreadsheet or a photo tool wants. Cells that could be formulas are defused. */
export function submissionCsv(submission: SubmissionRecord): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [
    ['file_name', 'client', 'email', 'confirmed_at'],
    ...submission.fileNames.map((f) => [f, submission.clientName, submission.clientEmail, submission.confirmedAt]),
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function findSubmission(studio: Studio, galleryId: string, submissionId: string): Promise<SubmissionRecord> {
  await galleryOfStudio(studio, galleryId);
  const submission = (await loadGalleryContents(galleryId)).submissions.find((s) => s.submissionId === submissionId);
  if (!submission) throw notFound('No such submission.');
  return submission;
}
