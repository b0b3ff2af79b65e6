import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../../../shared/features/projects/constants.ts';
import type { BadgeTone } from '../../components/ui/Badge.tsx';

/** Each project status's label and badge colour, on both hosts. */
export const PROJECT_STATUS: Record<ProjectStatus, { label: string; tone: BadgeTone }> = {
  planning: { label: PROJECT_STATUS_LABELS.planning, tone: 'neutral' },
  in_progress: { label: PROJECT_STATUS_LABELS.in_progress, tone: 'accent' },
  in_review: { label: PROJECT_STATUS_LABELS.in_review, tone: 'info' },
  on_hold: { label: PROJECT_STATUS_LABELS.on_hold, tone: 'warning' },
  done: { label: PROJECT_STATUS_LABELS.done, tone: 'success' },
};
