import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../shared/errors.ts';
import {
  DEFAULT_RULES,
  type Gallery,
  type GalleryRules,
  type GalleryStatus,
  type SelectionState,
} from '../../../shared/features/galleries/index.ts';
import {
  checkConfirmation,
  clientStatus,
  permissions,
  refuse,
  refusedSelection,
  selectionConfirmable,
  shownToClient,
} from '../../../shared/features/proofing/domain/rules.ts';
import type { Permissions } from '../../../shared/features/proofing/schemas.ts';
import { outcome } from '../../support/outcome.ts';

const NOW = new Date('2025-06-15T12:00:00Z');
const YESTERDAY = '2025-06-14';
const TODAY = '2025-06-15';
const NEXT_MONTH = '2025-07-15';

function gallery(status: GalleryStatus, rules: Partial<GalleryRules> = {}, deadline: string | null = null): Gallery {
  return {
    galleryId: 'g1',
    studioId: 's1',
    clientId: 'c1',
    projectId: null,
    title: 'Wedding',
    status,
    shootDate: null,
    deadline,
    rules: { ...DEFAULT_RULES, ...rules },
    imageCount: 12,
    coverThumbKey: null,
    createdAt: '2025-06-01T00:00:00.000Z',
  };
}

/** Selection states: none yet, some picks, a confirmed set. */
const selection = {
  none: undefined,
  picked: (count: number): SelectionState => ({ clientId: 'c1', count, confirmedAt: null, submissionId: null }),
  confirmed: { clientId: 'c1', count: 3, confirmedAt: '2025-06-10T09:00:00.000Z', submissionId: 'sub1' } as SelectionState,
};

const ACTIONS = ['favourite', 'select', 'comment', 'confirm', 'download'] as const;
/** 'favourite select' → the permissions object with exactly those actions allowed. */
const can = (allowed: string): Permissions =>
  Object.fromEntries(ACTIONS.map((a) => [a, allowed.split(' ').includes(a)])) as unknown as Permissions;

describe('what a client may see', () => {
  it.each<[string, GalleryStatus, string, boolean]>([
    ['their draft', 'draft', 'c1', false],
    ['their gallery in proofing', 'proofing', 'c1', true],
    ['their locked gallery', 'locked', 'c1', true],
    ['their ready gallery', 'ready', 'c1', true],
    ['their archived gallery', 'archived', 'c1', true],
    ["another client's gallery in proofing", 'proofing', 'c2', false],
    ["another client's draft", 'draft', 'c2', false],
  ])('%s: %s', (_, status, clientId, shown) => {
    expect(shownToClient(gallery(status), clientId)).toBe(shown);
  });
});

describe("the gallery's status as its client lives it", () => {
  it.each<[GalleryStatus, string | null, SelectionState | undefined, string]>([
    ['draft', null, selection.none, 'unavailable'],
    ['proofing', null, selection.none, 'proofing'],
    ['proofing', null, selection.picked(3), 'proofing'],
    ['proofing', null, selection.confirmed, 'locked'],
    ['proofing', NEXT_MONTH, selection.picked(3), 'proofing'],
    ['proofing', TODAY, selection.picked(3), 'proofing'],
    ['proofing', YESTERDAY, selection.picked(3), 'locked'],
    ['locked', null, selection.none, 'locked'],
    ['ready', YESTERDAY, selection.confirmed, 'ready'],
    ['archived', null, selection.confirmed, 'archived'],
  ])('%s, deadline %s, selection %o → %s', (status, deadline, state, expected) => {
    expect(clientStatus(gallery(status, {}, deadline), state, NOW)).toBe(expected);
  });
});

describe('permissions', () => {
  const web = { downloads: 'web' } as const;
  const limits = (min: number, max: number | null) => ({ selection: { enabled: true, min, max } });

  it.each<[string, GalleryStatus, Partial<GalleryRules>, SelectionState | undefined, string | null, string]>([
    // Default rules: no downloads.
    ['a draft allows nothing', 'draft', {}, selection.none, null, ''],
    ['proofing without picks: nothing to confirm yet', 'proofing', {}, selection.none, null, 'favourite select comment'],
    ['proofing with picks', 'proofing', {}, selection.picked(3), null, 'favourite select comment confirm'],
    ['proofing through the deadline day', 'proofing', {}, selection.picked(3), TODAY, 'favourite select comment confirm'],
    ['proofing once the deadline passed', 'proofing', {}, selection.picked(3), YESTERDAY, ''],
    ['proofing once the set is confirmed', 'proofing', {}, selection.confirmed, null, ''],
    ['locked by the studio', 'locked', {}, selection.picked(3), null, ''],
    ['ready: finals to look at and talk about', 'ready', {}, selection.confirmed, null, 'favourite comment'],
    ['archived', 'archived', {}, selection.none, null, ''],
    // Downloads follow the studio's status, not the client's selection.
    ['downloads: not from a draft', 'draft', web, selection.none, null, ''],
    ['downloads: proofing', 'proofing', web, selection.none, null, 'favourite select comment download'],
    ['downloads: proofing, set confirmed', 'proofing', web, selection.confirmed, null, 'download'],
    ['downloads: proofing, deadline passed', 'proofing', web, selection.picked(3), YESTERDAY, 'download'],
    ['downloads: not while locked', 'locked', web, selection.none, null, ''],
    ['downloads: ready', 'ready', web, selection.none, null, 'favourite comment download'],
    ['downloads of originals: ready', 'ready', { downloads: 'original' }, selection.none, null, 'favourite comment download'],
    ['downloads: not once archived', 'archived', web, selection.none, null, ''],
    // Each rule takes away what it names.
    ['view-only: proofing', 'proofing', { viewOnly: true }, selection.picked(3), null, ''],
    ['view-only still downloads', 'proofing', { viewOnly: true, ...web }, selection.picked(3), null, 'download'],
    ['view-only: ready', 'ready', { viewOnly: true, ...web }, selection.none, null, 'download'],
    ['selection off', 'proofing', { selection: { enabled: false, min: 0, max: null } }, selection.picked(3), null, 'favourite comment'],
    ['favourites off', 'proofing', { favourites: false }, selection.picked(3), null, 'select comment confirm'],
    ['comments off', 'proofing', { comments: false }, selection.picked(3), null, 'favourite select confirm'],
    ['comments off: ready', 'ready', { comments: false }, selection.none, null, 'favourite'],
    // Selection limits decide whether the set may be confirmed.
    ['below the minimum', 'proofing', limits(2, 5), selection.picked(1), null, 'favourite select comment'],
    ['at the minimum', 'proofing', limits(2, 5), selection.picked(2), null, 'favourite select comment confirm'],
    ['at the maximum', 'proofing', limits(2, 5), selection.picked(5), null, 'favourite select comment confirm'],
    ['past the maximum', 'proofing', limits(2, 5), selection.picked(6), null, 'favourite select comment'],
  ])('%s', (_, status, rules, state, deadline, allowed) => {
    expect(permissions(gallery(status, rules, deadline), state, NOW)).toEqual(can(allowed));
  });
});

describe('selection limits', () => {
  it.each<[number, number, number | null, boolean]>([
    [0, 0, null, false],
    [1, 0, null, true],
    [10_000, 0, null, true],
    [1, 2, null, false],
    [2, 2, null, true],
    [0, 0, 5, false],
    [5, 2, 5, true],
    [6, 2, 5, false],
    [1, 1, 1, true],
  ])('%i selected, min %i, max %s: confirmable %s', (count, min, max, confirmable) => {
    expect(selectionConfirmable(count, { enabled: true, min, max })).toBe(confirmable);
  });

  describe('confirming the set', () => {
    const open = can('favourite select comment');
    const closed = can('');
    const min = (n: number): GalleryRules => ({ ...DEFAULT_RULES, selection: { enabled: true, min: n, max: null } });

    // The checks run in this order: confirmed, closed, empty, too small.
    it.each<[string, SelectionState | undefined, Permissions, GalleryRules, string]>([
      ['a confirmed set, even in a closed gallery', selection.confirmed, closed, min(0), 'selection_confirmed'],
      ['a closed gallery, even with nothing picked', selection.none, closed, min(0), 'not_allowed'],
      ['nothing picked yet', selection.none, open, min(0), 'selection_empty'],
      ['no picks left', selection.picked(0), open, min(2), 'selection_empty'],
      ['fewer than the minimum', selection.picked(1), open, min(2), 'selection_too_small'],
      ['the minimum', selection.picked(2), open, min(2), 'allowed'],
      ['one image, no minimum', selection.picked(1), open, min(0), 'allowed'],
    ])('%s: %s', (_, state, permitted, rules, expected) => {
      expect(outcome(() => checkConfirmation(state, permitted, rules))).toBe(expected);
    });

    it('tells the client the minimum and their count', () => {
      expect(() => checkConfirmation(selection.picked(1), open, min(4))).toThrow(
        'Select at least 4 images before confirming (you have 1).',
      );
      expect(() => checkConfirmation(selection.none, closed, min(0))).toThrow(
        'Confirming a selection is not available in this gallery right now.',
      );
    });
  });

  describe('a select or unselect the table refused', () => {
    type Refused = Parameters<typeof refusedSelection>[0];
    const base = { max: 5 };

    it.each<[string, Refused, string | { selected: boolean; selectedCount: number } | null]>([
      [
        'selecting a picked image: already so',
        { ...base, selected: true, selectionFailed: false, pickFailed: true, current: selection.picked(3) },
        { selected: true, selectedCount: 3 },
      ],
      [
        'unselecting an image not picked: already so',
        { ...base, selected: false, selectionFailed: false, pickFailed: true, current: selection.picked(2) },
        { selected: false, selectedCount: 2 },
      ],
      [
        'selecting into a confirmed set',
        { ...base, selected: true, selectionFailed: true, pickFailed: false, current: selection.confirmed },
        'selection_confirmed',
      ],
      [
        'unselecting from a confirmed set',
        { ...base, selected: false, selectionFailed: true, pickFailed: true, current: selection.confirmed },
        'selection_confirmed',
      ],
      [
        'selecting past the maximum',
        { ...base, selected: true, selectionFailed: true, pickFailed: false, current: selection.picked(5) },
        'selection_full',
      ],
      [
        'selecting a picked image in a full set',
        { ...base, selected: true, selectionFailed: true, pickFailed: true, current: selection.picked(5) },
        'selection_full',
      ],
      [
        'unselecting with nothing selected',
        { ...base, selected: false, selectionFailed: true, pickFailed: true, current: undefined },
        { selected: false, selectedCount: 0 },
      ],
      [
        'selecting, refused for no reason the table shows',
        { ...base, selected: true, selectionFailed: false, pickFailed: false, current: selection.picked(1) },
        null,
      ],
    ])('%s', (_, refused, expected) => {
      let answer: ReturnType<typeof refusedSelection> | string;
      try {
        answer = refusedSelection(refused);
      } catch (e) {
        answer = (e as DomainError).code;
      }
      expect(answer).toEqual(expected);
    });

    it('names the maximum the client reached', () => {
      expect(() => refusedSelection({ selected: true, selectionFailed: true, pickFailed: false, current: undefined, max: 40 })).toThrow(
        'You have selected the maximum of 40 images. Unselect one to choose another.',
      );
    });
  });
});

it('refuses an action it does not allow in one voice', () => {
  expect(outcome(() => refuse('Comments'))).toBe('not_allowed');
  expect(() => refuse('Comments')).toThrow(
    expect.objectContaining({ kind: 'not_allowed', message: 'Comments is not available in this gallery right now.' }),
  );
});
