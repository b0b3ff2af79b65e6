import type { BadgeTone } from '../../components/ui/Badge.tsx';
import type { StudioGalleryStatus } from '../../lib/gallery-types.ts';

/** A gallery's life, in order, as the studio sees it: what each status means for the client. */
export const STUDIO_STATUS: Record<StudioGalleryStatus, { label: string; tone: BadgeTone; explain: string }> = {
  draft: {
    label: 'Draft',
    tone: 'warning',
    explain: 'Only you can see it. Upload and check the photos before you share them.',
  },
  proofing: {
    label: 'Proofing',
    tone: 'accent',
    explain:
      'Your client sees the gallery in their portal and can favourite, select and comment (as the rules allow) until the deadline or until they confirm their set.',
  },
  locked: {
    label: 'Locked',
    tone: 'neutral',
    explain: 'Your client can still look, but can no longer change their selection. Use it while you edit their chosen photos.',
  },
  ready: {
    label: 'Ready',
    tone: 'success',
    explain: 'The finished photos are delivered: your client can view them and download them if downloads are on. No more selecting.',
  },
  archived: {
    label: 'Archived',
    tone: 'neutral',
    explain: 'Put away: share links stop working, your client sees it as archived, and no photos can be added.',
  },
};
