import { formatDate } from '../../lib/dates.ts';
import type { Branding, PortalHomeData } from '../../lib/types.ts';

/** "Waiting for you": what the studio needs from the client, soonest first; a calm line when nothing does. */
export function Waiting({ waiting, studio }: { waiting: PortalHomeData['waiting']; studio: Branding }) {
  const reviews = waiting.reviews.map((r) => ({
    key: `r-${r.deliverableId}`,
    href: `/projects/${encodeURIComponent(r.projectId)}/deliverables/${encodeURIComponent(r.deliverableId)}`,
    title: `${r.title} (version ${r.version})`,
    what: `Review · ${r.projectTitle}`,
    due: r.dueDate,
  }));
  const proofing = waiting.proofing.map((g) => ({
    key: `g-${g.galleryId}`,
    href: `/galleries/${encodeURIComponent(g.galleryId)}`,
    title: g.title,
    what: 'Choose your photos',
    due: g.deadline,
  }));
  const items = [...reviews, ...proofing];
  // Releases to sign have their own section (releases' WaitingReleases): no "nothing needs you" above it.
  if (!items.length && waiting.releases.length) return null;
  return (
    <section class="container waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading" class="section-title">
        Waiting for you
      </h2>
      {items.length ? (
        <ul class="waiting__list">
          {items.map((i) => (
            <li key={i.key} class="waiting__item" data-testid="waiting-item">
              <a class="waiting__link" href={i.href}>
                <span class="waiting__what">{i.what}</span>
                <span class="waiting__title">{i.title}</span>
              </a>
              {i.due && (
                <span class="muted small">
                  by <time dateTime={i.due}>{formatDate(i.due)}</time>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Nothing needs you right now. {studio.name} will let you know when something is ready.</p>
      )}
    </section>
  );
}
