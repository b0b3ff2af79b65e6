// A gallery's rules that need no request: its effective rules, what a client
// sees of it in their list, and what may be its cover. Pure, so the unit tests read them table by table.
import { invalid, notFound } from '../../../errors.ts';
import type { Role } from '../../studios/index.ts';
import type { ImageRecord } from '../records.ts';
import type { ClientGallery, GalleryRules, GalleryStatus } from '../schemas.ts';

export const DEFAULT_RULES: GalleryRules = {
  selection: { enabled: true, min: 0, max: null },
  favourites: true,
  comments: true,
  downloads: 'off',
  viewOnly: false,
  watermark: null,
};

/** A gallery's rules are the defaults overlaid with what the studio set (a gallery without rules has the defaults). */
export const rulesOf = (gallery: { rules?: GalleryRules }): GalleryRules => ({ ...DEFAULT_RULES, ...gallery.rules });

/** Whether a team member may work on the gallery: a member only on those it is assigned. */
export const mayWorkOn = (gallery: { assigneeIds?: string[] }, user: { userId: string; role: Role }): boolean =>
  user.role !== 'member' || (gallery.assigneeIds ?? []).includes(user.userId);

/** A gallery is published once it leaves draft; before that a client sees its title only. */
export const isPublished = (gallery: { status: GalleryStatus }): boolean => gallery.status !== 'draft';

/**
 * A gallery's status in its client's list, on the day `today` (YYYY-MM-DD): unavailable while a
 * draft, locked once a proofing gallery's deadline has passed, else its own status.
 */
export function listedStatus(gallery: { status: GalleryStatus; deadline: string | null }, today: string): ClientGallery['status'] {
  const { status, deadline } = gallery;
  if (status === 'draft') return 'unavailable';
  const closed = status === 'proofing' && deadline !== null && deadline < today;
  return closed ? 'locked' : status;
}

/**
 * A cover must be an image of this gallery (another gallery's does not exist here) that is
 * processed; the card shows its WebP thumbnail.
 */
export function coverThumbKey(image: Pick<ImageRecord, 'status' | 'derived'> | null): string | null {
  if (!image) throw notFound('No such image in this gallery.', { coverImageId: ['is not an image of this gallery'] });
  if (image.status !== 'ready')
    throw invalid('invalid_request', 'The cover must be a processed image of this gallery.', {
      coverImageId: ['is not a ready image of this gallery'],
    });
  return image.derived?.thumb?.webp ?? null;
}
