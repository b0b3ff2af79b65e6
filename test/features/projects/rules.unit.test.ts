import { describe, expect, it } from 'vitest';
import { initialsOf, nextMilestone, percentDone, upcomingDeadlines } from '../../../shared/features/projects/domain/rules.ts';
import type { Milestone } from '../../../shared/features/projects/schemas.ts';

const m = (title: string, dueDate: string | null, done: boolean, weight = 1): Milestone => ({
  milestoneId: title,
  title,
  dueDate,
  done,
  doneAt: done ? '2026-01-01T00:00:00Z' : null,
  weight,
});

describe('project rules', () => {
  it.each([
    ['no milestones', [], 'milestones', null, 'in_progress', 0],
    ['one of two equal', [m('a', null, true), m('b', null, false)], 'milestones', null, 'in_progress', 50],
    ['weighted', [m('a', null, true, 1), m('b', null, false, 3)], 'milestones', null, 'in_progress', 25],
    ['all done', [m('a', null, true)], 'milestones', null, 'in_progress', 100],
    ['by hand', [m('a', null, true)], 'manual', 30, 'in_progress', 30],
    ['done project', [m('a', null, false)], 'milestones', null, 'done', 100],
  ] as const)('%% done: %s', (_, milestones, progressMode, manualPercent, status, expected) => {
    expect(percentDone({ milestones: [...milestones], progressMode, manualPercent, status })).toBe(expected);
  });

  it('names the next open milestone in date order, undated last', () => {
    expect(nextMilestone([m('late', null, false), m('soon', '2026-02-01', false), m('past', '2026-01-01', true)])?.title).toBe('soon');
    expect(nextMilestone([m('a', null, true)])).toBeNull();
  });

  it('lists open milestones due within 30 days or overdue', () => {
    const list = upcomingDeadlines(
      [m('over', '2026-01-01', false), m('soon', '2026-01-20', false), m('far', '2026-06-01', false), m('done', '2026-01-10', true)],
      '2026-01-15',
    );
    expect(list).toEqual([
      { title: 'over', dueDate: '2026-01-01', overdue: true },
      { title: 'soon', dueDate: '2026-01-20', overdue: false },
    ]);
  });

  it('makes initials for avatars', () => {
    expect(initialsOf('Mira Okafor')).toBe('MO');
    expect(initialsOf('  jo ')).toBe('J');
    expect(initialsOf('')).toBe('?');
  });
});
