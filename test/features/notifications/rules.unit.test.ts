// The centre's pure pieces: what counts as read, the bell's figure, note ids that sort by time.
import { describe, expect, it } from 'vitest';
import { NOTE_ID_PATTERN, unreadLabel } from '../../../shared/features/notifications/constants.ts';
import { isRead, newNoteId } from '../../../shared/features/notifications/domain/notify.ts';

describe('notification rules', () => {
  it.each([
    [{ readAt: null, createdAt: '2026-12-02T10:00:00.000Z' }, { readAllBefore: null }, false],
    [{ readAt: '2026-12-02T11:00:00.000Z', createdAt: '2026-12-02T10:00:00.000Z' }, { readAllBefore: null }, true],
    [{ readAt: null, createdAt: '2026-12-02T10:00:00.000Z' }, { readAllBefore: '2026-12-02T10:00:00.001Z' }, true],
    [{ readAt: null, createdAt: '2026-12-02T10:00:00.002Z' }, { readAllBefore: '2026-12-02T10:00:00.001Z' }, false],
  ])('isRead(%j, %j) is %s', (note, state, read) => expect(isRead(note, state)).toBe(read));

  it.each([
    [0, '0'],
    [7, '7'],
    [99, '99'],
    [100, '99+'],
    [12_345, '99+'],
  ])('shows %i as %s', (n, label) => expect(unreadLabel(n)).toBe(label));

  it('gives ids that match the route pattern and sort by time', () => {
    const a = newNoteId(new Date('2026-12-02T10:00:00.000Z'));
    const b = newNoteId(new Date('2026-12-02T10:00:00.001Z'));
    expect(a).toMatch(NOTE_ID_PATTERN);
    expect([b, a].toSorted()).toEqual([a, b]);
    expect(newNoteId(new Date(0))).not.toBe(newNoteId(new Date(0)));
  });
});
