// The portal home's pure rules: what counts as waiting, in which order.
import { listedStatus } from '../../galleries/index.ts';

/** A gallery waits on its client while it is open for proofing with selection on. */
export const isProofable = (g: Parameters<typeof listedStatus>[0], selectionEnabled: boolean, today: string): boolean =>
  selectionEnabled && listedStatus(g, today) === 'proofing';

/** Open projects by due date (undated after dated), done ones last. */
export function byDueDate(a: { status: string; dueDate: string | null }, b: { status: string; dueDate: string | null }): number {
  const doneA = a.status === 'done' ? 1 : 0;
  const doneB = b.status === 'done' ? 1 : 0;
  return doneA - doneB || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
}
