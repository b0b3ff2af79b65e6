// The portal home's "Releases" section: what waits on the client's signature, soonest deadline first.
import { RELEASE_KIND_NAMES } from '../../../../shared/features/releases/constants.ts';
import { formatDate } from '../../lib/dates.ts';
import type { PortalHomeData } from '../../lib/types.ts';
import { clientReleaseHref } from './labels.ts';

export function WaitingReleases({ releases }: { releases: PortalHomeData['waiting']['releases'] }) {
  if (!releases.length) return null;
  return (
    <section class="container waiting" aria-labelledby="waiting-releases-heading">
      <h2 id="waiting-releases-heading" class="section-title">
        Releases
      </h2>
      <ul class="waiting__list">
        {releases.map((r) => (
          <li key={r.releaseId} class="waiting__item" data-testid="waiting-release">
            <span class="waiting__link">
              <span class="waiting__what">{RELEASE_KIND_NAMES[r.kind]} to sign</span>
              <span class="waiting__title">{r.title}</span>
            </span>
            {r.deadline && (
              <span class="muted small">
                by <time dateTime={r.deadline}>{formatDate(r.deadline)}</time>
              </span>
            )}
            <a class="button button--primary button--small" href={clientReleaseHref(r.releaseId)} aria-label={`Review and sign ${r.title}`}>
              Review and sign
            </a>
          </li>
        ))}
      </ul>
      <p class="small">
        <a href="/releases">All your documents</a>
      </p>
    </section>
  );
}
