import { TASK_STATE_LABELS, type TaskState } from '../../../../shared/features/feedback/constants.ts';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';

const TONES: Record<TaskState, BadgeTone> = {
  new: 'info',
  accepted: 'accent',
  declined: 'danger',
  duplicate: 'neutral',
  snoozed: 'warning',
  done: 'success',
};

export function StateBadge({ state }: { state: TaskState }) {
  return <Badge tone={TONES[state]}>{TASK_STATE_LABELS[state]}</Badge>;
}
