import { useState } from 'preact/hooks';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { GridIcon, ListIcon } from '../../components/ui/GalleryIcons.tsx';
import { ArrowIcon, ImageIcon } from '../../components/ui/Icons.tsx';
import { deadlineLabel, formatDate } from '../../lib/dates.ts';
import { GALLERY_PAGES } from '../../lib/features.ts';
import type { Branding, ClientGallery, GalleryStatus } from '../../lib/types.ts';
import { GalleryCard } from './GalleryCard.tsx';
import './gallery-list.css';

type Layout = 'grid' | 'table';
const KEY = 'portico.gallery-layout';

const STATUS: Record<GalleryStatus, { label: string; tone: BadgeTone }> = {
  proofing: { label: 'Proofing', tone: 'accent' },
  locked: { label: 'Locked', tone: 'neutral' },
  ready: { label: 'Ready', tone: 'success' },
  archived: { label: 'Archived', tone: 'neutral' },
  unavailable: { label: 'Unavailable', tone: 'danger' },
};

function remembered(): Layout {
  try {
    return localStorage.getItem(KEY) === 'table' ? 'table' : 'grid';
  } catch {
    return 'grid';
  }
}

/** The client's galleries as cards or as a compact table; the choice is remembered on this device. */
/** Where a gallery opens: its portal page, unless the page says otherwise (the studio's preview). */
export type GalleryHref = (galleryId: string) => string;
export const portalGalleryHref: GalleryHref = (id) => `/galleries/${encodeURIComponent(id)}`;

export function GalleryList({
  galleries,
  studio,
  hrefOf = portalGalleryHref,
}: {
  galleries: ClientGallery[];
  studio: Branding;
  hrefOf?: GalleryHref;
}) {
  const [layout, setLayout] = useState<Layout>(remembered);
  const choose = (next: Layout) => {
    setLayout(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Not remembered then: the choice still holds for this visit.
    }
  };
  const label = `${galleries.length} ${galleries.length === 1 ? 'gallery' : 'galleries'}`;
  return (
    <>
      <fieldset class="layout-toggle">
        <legend class="visually-hidden">Layout</legend>
        <button type="button" class="layout-toggle__button" aria-pressed={layout === 'grid'} onClick={() => choose('grid')}>
          <GridIcon />
          Grid
        </button>
        <button type="button" class="layout-toggle__button" aria-pressed={layout === 'table'} onClick={() => choose('table')}>
          <ListIcon />
          List
        </button>
      </fieldset>
      {layout === 'grid' ? (
        <ul class="gallery-grid" aria-label={label}>
          {galleries.map((g) => (
            <li key={g.galleryId}>
              <GalleryCard gallery={g} href={hrefOf(g.galleryId)} />
            </li>
          ))}
        </ul>
      ) : (
        <div class="card card--flush">
          <div class="table-wrap">
            <table class="clients gallery-table" aria-label={label}>
              <thead>
                <tr>
                  <th scope="col">Gallery</th>
                  <th scope="col">Status</th>
                  <th scope="col">Shoot date</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">
                    <span class="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {galleries.map((g) => (
                  <GalleryRow key={g.galleryId} gallery={g} studio={studio} href={hrefOf(g.galleryId)} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}

function GalleryRow({ gallery: g, studio, href }: { gallery: ClientGallery; studio: Branding; href: string }) {
  const [coverFailed, setCoverFailed] = useState(false);
  const status = STATUS[g.status];
  const deadline = g.deadline ? deadlineLabel(g.deadline) : null;
  const open = GALLERY_PAGES && g.status !== 'unavailable';
  return (
    <tr data-testid="gallery-card" class={`gallery-table__row gallery-table__row--${g.status}`}>
      <th scope="row" class="clients__who">
        <div class="gallery-table__who">
          <span class="gallery-table__thumb" aria-hidden="true">
            {g.coverUrl && !coverFailed ? (
              <img src={g.coverUrl} alt="" loading="lazy" decoding="async" width={72} height={48} onError={() => setCoverFailed(true)} />
            ) : (
              <ImageIcon />
            )}
          </span>
          <span class="gallery-table__text">
            <span class="gallery-table__title">{g.title}</span>
            <span class="gallery-table__context">
              {[g.projectTitle, studio.name].filter(Boolean).join(' · ')} ·{' '}
              {g.imageCount === 1 ? '1 image' : `${g.imageCount.toLocaleString()} images`}
            </span>
          </span>
        </div>
      </th>
      <td data-label="Status">
        <Badge tone={status.tone}>{status.label}</Badge>
      </td>
      <td data-label="Shoot date">
        {g.shootDate ? <time dateTime={g.shootDate}>{formatDate(g.shootDate)}</time> : <span class="muted">—</span>}
      </td>
      <td data-label="Deadline">
        {g.deadline && deadline ? (
          <>
            <time dateTime={g.deadline}>{formatDate(g.deadline)}</time> <span class={`chip chip--${deadline.tone}`}>{deadline.text}</span>
          </>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td class="gallery-table__open">
        {open && (
          <a class="button button--primary button--small" href={href}>
            Open<span class="visually-hidden"> gallery: {g.title}</span>
            <ArrowIcon />
          </a>
        )}
      </td>
    </tr>
  );
}
