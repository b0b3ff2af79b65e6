// What a client may do in a gallery, and when a selection may change or be confirmed: one place
// decides, for the UI (the `can` it is sent) and the API alike. Pure: no request, no HTTP.
import { conflict, notAllowed } from '../../../errors.ts';
import { today } from '../../clients/index.ts';
import {
  type ClientGalleryStatus,
  type Gallery,
  type GalleryRules,
  isPublished,
  rulesOf,
  type SelectionState,
} from '../../galleries/index.ts';
import type { Permissions } from '../schemas.ts';

export type ClientStatus = ClientGalleryStatus;

/** A client sees only their own galleries, once published: any other is "not found" to them. */
export const shownToClient = (gallery: Gallery, clientId: string): boolean => gallery.clientId === clientId && isPublished(gallery);

/** The deadline is the last day of proofing: it has passed from the day after. */
export const deadlinePassed = (gallery: Gallery, now = new Date()) => gallery.deadline !== null && gallery.deadline < today(now);

/** The gallery's status as its client lives it: a confirmed set or a passed deadline locks proofing. */
export function clientStatus(gallery: Gallery, selection: SelectionState | undefined, now = new Date()): ClientStatus {
  if (gallery.status === 'draft') return 'unavailable';
  // Once the set is confirmed or the deadline has passed, proofing is over for the client.
  if (gallery.status === 'proofing' && (selection?.confirmedAt || deadlinePassed(gallery, now))) return 'locked';
  return gallery.status;
}

/** A set may be confirmed with at least one image, no fewer than the minimum and no more than the maximum. */
export const selectionConfirmable = (count: number, limits: GalleryRules['selection']): boolean =>
  count > 0 && count >= limits.min && (limits.max === null || count <= limits.max);

/** What the client may do now, from the gallery's status and rules and their selection. */
export function permissions(gallery: Gallery, selection: SelectionState | undefined, now = new Date()): Permissions {
  const rules = rulesOf(gallery);
  const status = clientStatus(gallery, selection, now);
  const interactive = !rules.viewOnly && (status === 'proofing' || status === 'ready');
  const selecting = !rules.viewOnly && status === 'proofing' && rules.selection.enabled;
  const count = selection?.count ?? 0;
  return {
    favourite: interactive && rules.favourites,
    select: selecting,
    comment: interactive && rules.comments,
    confirm: selecting && selectionConfirmable(count, rules.selection),
    // Confirming a selection ends proofing, not downloading: this follows the studio's status.
    download: rules.downloads !== 'off' && (gallery.status === 'proofing' || gallery.status === 'ready'),
  };
}

/** An action its permission does not allow is refused, the same way for every action. */
export function refuse(action: string): never {
  throw notAllowed('not_allowed', `${action} is not available in this gallery right now.`);
}

/**
 * Confirming needs a set not yet confirmed, a gallery open for selecting, and at least one image
 * and the minimum (the maximum holds already: a select past it is refused).
 */
export function checkConfirmation(selection: SelectionState | undefined, can: Permissions, rules: GalleryRules): void {
  if (selection?.confirmedAt) throw conflict('selection_confirmed', 'Your selection is already confirmed.');
  if (!can.select) refuse('Confirming a selection');
  const count = selection?.count ?? 0;
  if (count === 0) throw conflict('selection_empty', 'Select at least one image before confirming.');
  if (count < rules.selection.min)
    throw conflict('selection_too_small', `Select at least ${rules.selection.min} images before confirming (you have ${count}).`);
}

/**
 * What a select or unselect whose transaction was refused answers, from which of its two
 * conditions failed (the selection record's, the pick's) and the selection as it is now: the
 * asked-for state already held (not an error), a confirmed set, a full one, or null when none of
 * these explains it and the caller rethrows.
 */
export function refusedSelection(refused: {
  selected: boolean;
  selectionFailed: boolean;
  pickFailed: boolean;
  current: SelectionState | undefined;
  max: number | null;
}): { selected: boolean; selectedCount: number } | null {
  const { selected, selectionFailed, pickFailed, current, max } = refused;
  // Already in the asked-for state: selecting twice is not an error.
  if (pickFailed && !selectionFailed) return { selected, selectedCount: current?.count ?? 0 };
  if (current?.confirmedAt) throw conflict('selection_confirmed', 'Your selection is confirmed and can no longer change.');
  if (selected && selectionFailed) {
    throw conflict('selection_full', `You have selected the maximum of ${max} images. Unselect one to choose another.`);
  }
  if (!selected) return { selected: false, selectedCount: current?.count ?? 0 };
  return null;
}
