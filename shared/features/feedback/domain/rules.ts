// The pure rules of project feedback's triage: which state may follow which, what each move needs,
// and what "open" means. No I/O: the use cases and the table-driven test call these.
import { conflict, invalid } from '../../../errors.ts';
import { CLOSED_STATES, type TaskState, TRANSITIONS } from '../constants.ts';

export { TRANSITIONS } from '../constants.ts';

export interface StateChange {
  to: TaskState;
  reason?: string | null;
  duplicateOf?: string | null;
  snoozedUntil?: string | null;
}

/** A snoozed task whose day has come reads as new again (`today` is YYYY-MM-DD, UTC). */
export function effectiveState(task: { state: TaskState; snoozedUntil: string | null }, today: string): TaskState {
  return task.state === 'snoozed' && (task.snoozedUntil === null || task.snoozedUntil <= today) ? 'new' : task.state;
}

export const isOpen = (state: TaskState): boolean => !CLOSED_STATES.includes(state);

/** Throws when `change` may not be made to a task whose state reads `from`; says nothing when it may. */
export function assertTransition(from: TaskState, change: StateChange, task: { feedbackId: string }, today: string): void {
  if (!TRANSITIONS[from].includes(change.to))
    throw conflict('transition_not_allowed', `Feedback that is ${from} cannot become ${change.to}.`);
  if (change.to === 'declined' && !change.reason?.trim())
    throw invalid('reason_required', 'Say why it is declined: the client sees the reason.', { reason: ['is required to decline'] });
  if (change.to === 'duplicate') {
    if (!change.duplicateOf)
      throw invalid('duplicate_of_required', 'Say which feedback this repeats.', { duplicateOf: ['is required for a duplicate'] });
    if (change.duplicateOf === task.feedbackId)
      throw invalid('duplicate_of_self', 'Feedback cannot repeat itself.', { duplicateOf: ['names this feedback'] });
  }
  if (change.to === 'snoozed') {
    if (!change.snoozedUntil)
      throw invalid('snooze_date_required', 'Say until when it sleeps.', { snoozedUntil: ['is required to snooze'] });
    if (change.snoozedUntil <= today)
      throw invalid('snooze_date_past', 'Snooze until a day after today.', { snoozedUntil: ['must be after today'] });
  }
}
