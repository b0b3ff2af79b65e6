// The portal's list of documents to sign, /releases: those waiting on the client first (the API's order).
import { RELEASE_KIND_NAMES } from '../../../../shared/features/releases/constants.ts';
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useTitle } from '../../lib/hooks.ts';
import { clientReleaseHref, releaseState, SIGNER_STATE } from './labels.ts';
import './releases.css';

export default function ClientReleasesPage() {
  const page = usePortalLoad(() => call('listClientReleases'));
  useTitle(page.studio ? `Documents to sign · ${page.studio.name}` : undefined);
  const releases = page.data?.releases ?? [];
  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <section class="container container--narrow" aria-labelledby="releases-heading">
        <h1 id="releases-heading" class="section-title">
          Documents to sign
        </h1>
        {page.state.state === 'loading' && <Loading label="Loading your documents…" />}
        {page.state.state === 'failed' && page.error?.code !== 'wrong_portal' && (
          <Notice role="alert">{messageOf(page.state.error)}</Notice>
        )}
        {page.data &&
          (releases.length ? (
            <ul class="release-cards">
              {releases.map((r) => {
                const mine = r.myState === 'pending' || r.myState === 'viewed';
                const open = mine && (r.state === 'sent' || r.state === 'viewed' || r.state === 'partly_signed');
                return (
                  <li key={r.releaseId} class="card release-card" data-testid="client-release">
                    <p class="muted small">
                      {RELEASE_KIND_NAMES[r.kind]} from {r.studioName}
                    </p>
                    <a class="release-card__title" href={clientReleaseHref(r.releaseId)}>
                      {r.title}
                    </a>
                    <p class="release-card__meta">
                      <Badge tone={releaseState(r.state).tone}>{releaseState(r.state).label}</Badge>{' '}
                      <Badge tone={SIGNER_STATE[r.myState].tone}>{`You: ${SIGNER_STATE[r.myState].label.toLowerCase()}`}</Badge>
                      {r.deadline && open && (
                        <span class="muted small">
                          {' '}
                          · sign by <time dateTime={r.deadline}>{formatDate(r.deadline)}</time>
                        </span>
                      )}
                    </p>
                    {open && (
                      <a class="button button--primary button--small" href={clientReleaseHref(r.releaseId)}>
                        Review and sign
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="muted">Nothing to sign. When {page.studio?.name ?? 'the studio'} sends you a document, you’ll find it here.</p>
          ))}
      </section>
    </PortalFrame>
  );
}
