// Project feedback's triage as a table: every state against every target, what each move needs,
// and a snooze that comes back as new once its day has come.
import { describe, expect, it } from 'vitest';
import { TASK_STATES, type TaskState } from '../../../shared/features/feedback/constants.ts';
import { assertTransition, effectiveState, isOpen, type StateChange } from '../../../shared/features/feedback/domain/rules.ts';
import { outcome } from '../../support/outcome.ts';

const TODAY = '2026-12-02';
const task = { feedbackId: 'f-1' };
/** What each target needs to be a complete move. */
const complete: Record<TaskState, StateChange> = {
  new: { to: 'new' },
  accepted: { to: 'accepted' },
  declined: { to: 'declined', reason: 'Out of scope for this phase.' },
  duplicate: { to: 'duplicate', duplicateOf: 'f-0' },
  snoozed: { to: 'snoozed', snoozedUntil: '2026-12-09' },
  done: { to: 'done' },
};

/** Rows: from state; columns in TASK_STATES order (new, accepted, declined, duplicate, snoozed, done). */
const A = 'allowed';
const X = 'transition_not_allowed';
const table: Record<TaskState, string[]> = {
  new: [X, A, A, A, A, X],
  snoozed: [A, A, A, A, A, X],
  accepted: [A, X, A, X, X, A],
  done: [X, A, X, X, X, X],
  declined: [A, X, X, X, X, X],
  duplicate: [A, X, X, X, X, X],
};

describe('triage transitions', () => {
  for (const from of TASK_STATES)
    it(`from ${from}`, () => {
      expect(TASK_STATES.map((to) => outcome(() => assertTransition(from, complete[to], task, TODAY)))).toEqual(table[from]);
    });

  it.each([
    ['decline without a reason', { to: 'declined' }, 'reason_required'],
    ['decline with a blank reason', { to: 'declined', reason: '   ' }, 'reason_required'],
    ['duplicate of nothing', { to: 'duplicate' }, 'duplicate_of_required'],
    ['duplicate of itself', { to: 'duplicate', duplicateOf: 'f-1' }, 'duplicate_of_self'],
    ['snooze without a date', { to: 'snoozed' }, 'snooze_date_required'],
    ['snooze until today', { to: 'snoozed', snoozedUntil: TODAY }, 'snooze_date_past'],
    ['snooze until yesterday', { to: 'snoozed', snoozedUntil: '2026-12-01' }, 'snooze_date_past'],
    ['snooze until tomorrow', { to: 'snoozed', snoozedUntil: '2026-12-03' }, 'allowed'],
  ] as const)('refuses or allows: %s', (_name, change, expected) => {
    expect(outcome(() => assertTransition('new', change as StateChange, task, TODAY))).toBe(expected);
  });
});

describe('effective state', () => {
  it.each([
    ['snoozed', '2026-12-03', 'snoozed'],
    ['snoozed', TODAY, 'new'],
    ['snoozed', '2026-11-30', 'new'],
    ['accepted', null, 'accepted'],
    ['new', null, 'new'],
  ] as const)('%s until %s reads %s', (state, until, expected) => {
    expect(effectiveState({ state, snoozedUntil: until }, TODAY)).toBe(expected);
  });

  it('counts only done, declined and duplicate as closed', () => {
    expect(TASK_STATES.filter((s) => !isOpen(s))).toEqual(['declined', 'duplicate', 'done']);
  });
});
