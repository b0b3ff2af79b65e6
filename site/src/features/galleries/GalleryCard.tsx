import { useState } from 'preact/hooks';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { ArrowIcon, CalendarIcon, ClockIcon, ImageIcon, PhotosIcon } from '../../components/ui/Icons.tsx';
import { deadlineLabel, formatDate } from '../../lib/dates.ts';
import { GALLERY_PAGES } from '../../lib/features.ts';
import type { ClientGallery, GalleryStatus } from '../../lib/types.ts';

const STATUS: Record<GalleryStatus, { label: string; tone: BadgeTone; note: string }> = {
  proofing: { label: 'Proofing', tone: 'accent', note: 'Choose your favourites' },
  locked: { label: 'Locked', tone: 'neutral', note: 'Your selection is in' },
  ready: { label: 'Ready', tone: 'success', note: 'Ready to view' },
  archived: { label: 'Archived', tone: 'neutral', note: 'Archived' },
  unavailable: { label: 'Unavailable', tone: 'danger', note: 'Temporarily unavailable' },
};

const imageCount = (n: number) => (n === 1 ? '1 image' : `${n.toLocaleString()} images`);

export function GalleryCard({ gallery, href }: { gallery: ClientGallery; href: string }) {
  const [coverFailed, setCoverFailed] = useState(false);
  const status = STATUS[gallery.status];
  const titleId = `gallery-${gallery.galleryId}`;
  const deadline = gallery.deadline ? deadlineLabel(gallery.deadline) : null;
  const open = GALLERY_PAGES && gallery.status !== 'unavailable';
  return (
    <article class={`gallery-card gallery-card--${gallery.status}`} data-testid="gallery-card" aria-labelledby={titleId}>
      <div class="gallery-card__cover">
        {gallery.coverUrl && !coverFailed ? (
          <img src={gallery.coverUrl} alt="" loading="lazy" decoding="async" onError={() => setCoverFailed(true)} />
        ) : (
          <div class="gallery-card__placeholder">
            <ImageIcon />
          </div>
        )}
      </div>
      <div class="gallery-card__body">
        {gallery.projectTitle && <p class="gallery-card__project">{gallery.projectTitle}</p>}
        <h3 class="gallery-card__title" id={titleId}>
          {gallery.title}
        </h3>
        <div class="gallery-card__status">
          <Badge tone={status.tone}>{status.label}</Badge>
          {status.note !== status.label && <span class="gallery-card__note">{status.note}</span>}
        </div>
        <dl class="gallery-card__meta">
          {gallery.shootDate && (
            <div>
              <dt>
                <CalendarIcon />
                Shoot date
              </dt>
              <dd>
                <time dateTime={gallery.shootDate}>{formatDate(gallery.shootDate)}</time>
              </dd>
            </div>
          )}
          <div>
            <dt>
              <PhotosIcon />
              Images
            </dt>
            <dd>{imageCount(gallery.imageCount)}</dd>
          </div>
          {gallery.deadline && deadline && (
            <div>
              <dt>
                <ClockIcon />
                Deadline
              </dt>
              <dd>
                <time dateTime={gallery.deadline}>{formatDate(gallery.deadline)}</time>{' '}
                <span class={`chip chip--${deadline.tone}`}>{deadline.text}</span>
              </dd>
            </div>
          )}
        </dl>
        {open && (
          <a class="button button--primary gallery-card__open" href={href}>
            Open gallery<span class="visually-hidden">: {gallery.title}</span>
            <ArrowIcon />
          </a>
        )}
      </div>
    </article>
  );
}
