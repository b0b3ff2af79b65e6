// The portal home's pure rules: which galleries wait on the client, and the projects' order.
import { describe, expect, it } from 'vitest';
import { byDueDate, isProofable } from '../../../shared/features/home/domain/rules.ts';

describe('portal home rules', () => {
  it.each([
    ['proofing, selection on', 'proofing', null, true, true],
    ['proofing, deadline ahead', 'proofing', '2026-02-01', true, true],
    ['proofing, deadline passed (locked)', 'proofing', '2026-01-01', true, false],
    ['proofing, selection off', 'proofing', null, false, false],
    ['a draft', 'draft', null, true, false],
    ['delivered', 'ready', null, true, false],
  ] as const)('a gallery waits on its client: %s', (_, status, deadline, selection, expected) => {
    expect(isProofable({ status, deadline }, selection, '2026-01-15')).toBe(expected);
  });

  it('orders open projects by due date, undated after dated, done ones last', () => {
    const projects = [
      { id: 'done', status: 'done', dueDate: '2026-01-01' },
      { id: 'undated', status: 'in_progress', dueDate: null },
      { id: 'late', status: 'in_progress', dueDate: '2026-05-01' },
      { id: 'soon', status: 'planning', dueDate: '2026-02-01' },
    ];
    expect(projects.sort(byDueDate).map((p) => p.id)).toEqual(['soon', 'late', 'undated', 'done']);
  });
});
