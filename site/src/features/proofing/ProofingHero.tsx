// The head of the proofing page: title and status, shoot facts and deadline, the studio's note,
// where the selection stands, and the ZIP downloads (or the invoice to pay before them).
import { ShootFacts } from '../../components/photos/ShootFacts.tsx';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { BackIcon, CheckCircleIcon, DownloadIcon } from '../../components/ui/GalleryIcons.tsx';
import { ClockIcon } from '../../components/ui/Icons.tsx';
import { deadlineLabel, formatDate } from '../../lib/dates.ts';
import { plural } from '../../lib/format.ts';
import type { ClientGalleryDetail } from '../../lib/gallery-types.ts';
import type { Branding } from '../../lib/types.ts';
import { PaymentLockNotice } from '../invoices/index.ts';

const STATUS: Record<ClientGalleryDetail['status'], { label: string; tone: BadgeTone }> = {
  proofing: { label: 'Proofing', tone: 'accent' },
  locked: { label: 'Locked', tone: 'neutral' },
  ready: { label: 'Ready', tone: 'success' },
  archived: { label: 'Archived', tone: 'neutral' },
  unavailable: { label: 'Unavailable', tone: 'danger' },
};

interface ProofingHeroProps {
  /** Where "All galleries" leads: the portal home, or the preview's list of the client's galleries. */
  homeHref?: string;
  gallery: ClientGalleryDetail;
  studio: Branding;
  photos: number;
  count: number;
  selecting: boolean;
  onZip: (scope: 'all' | 'selected') => void;
}

export function ProofingHero({ gallery, studio, photos, count, selecting, onZip, homeHref = '/' }: ProofingHeroProps) {
  const deadline = gallery.deadline ? deadlineLabel(gallery.deadline) : null;
  const closed = gallery.status !== 'proofing' || deadline?.tone === 'passed';
  const confirmed = Boolean(gallery.confirmedAt);
  const status = STATUS[gallery.status];
  return (
    <header class="proof-hero">
      <div class="container">
        <a class="back-link" href={homeHref}>
          <BackIcon />
          All galleries
        </a>
        <div class="proof-hero__head">
          <h1 class="proof-hero__title">{gallery.title}</h1>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        <dl class="proof-meta">
          <ShootFacts shootDate={gallery.shootDate} photos={photos} />
          {gallery.deadline && deadline && selecting && (
            <div>
              <dt>
                <ClockIcon />
                <span class="visually-hidden">Choose by</span>
              </dt>
              <dd>
                Choose by <time dateTime={gallery.deadline}>{formatDate(gallery.deadline)}</time>{' '}
                <span class={`chip chip--${closed ? 'passed' : deadline.tone}`}>
                  {closed || confirmed ? 'Selection closed' : deadline.text}
                </span>
              </dd>
            </div>
          )}
        </dl>
        {gallery.welcomeNote && <p class="proof-hero__note">{gallery.welcomeNote}</p>}
        <StatusNotice gallery={gallery} count={count} studio={studio} />
        {/* An unpaid invoice holds the originals back: its notice stands where the downloads would. */}
        {gallery.paymentLock && <PaymentLockNotice lock={gallery.paymentLock} what="originals" />}
        {gallery.can.download && !gallery.paymentLock && photos > 0 && (
          <div class="proof-hero__downloads">
            <button type="button" class="button button--secondary" onClick={() => onZip('all')}>
              <DownloadIcon />
              Download all
            </button>
            {count > 0 && (
              <button type="button" class="button button--secondary" onClick={() => onZip('selected')}>
                <DownloadIcon />
                Download selected
              </button>
            )}
          </div>
        )}
      </div>
    </header>
  );
}

function StatusNotice({ gallery, count, studio }: { gallery: ClientGalleryDetail; count: number; studio: Branding }) {
  if (gallery.confirmedAt) {
    return (
      <div class="notice notice--success proof-status" role="note" id="gallery-status" tabIndex={-1}>
        <CheckCircleIcon filled />
        <div class="notice__body">
          <strong>
            Selection confirmed on <time dateTime={gallery.confirmedAt}>{formatDate(gallery.confirmedAt)}</time>.
          </strong>{' '}
          {studio.name} has your final set of {plural(count, 'photo')}; it can no longer change.
        </div>
      </div>
    );
  }
  const text: Partial<Record<ClientGalleryDetail['status'], string>> = {
    locked: 'Selection closed. This gallery is locked, so photos can’t be chosen any more; you can still look through them.',
    ready: 'Your photos are ready.',
    archived: 'This gallery is archived. You can still look through it.',
    unavailable: `This gallery isn’t available right now. Please ask ${studio.name} about it.`,
  };
  const message = text[gallery.status];
  if (!message) return null;
  return (
    <div class={`notice notice--${gallery.status === 'unavailable' ? 'error' : 'info'} proof-status`} role="note">
      <div class="notice__body">{message}</div>
    </div>
  );
}
