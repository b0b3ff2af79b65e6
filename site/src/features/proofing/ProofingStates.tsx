// The proofing page before its gallery arrives: while it loads, and when it cannot be opened.
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, messageOf } from '../../lib/api.ts';

const ACCESS_ENDED = new Set(['access_expired', 'access_revoked']);

export function Unavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const e = error instanceof ApiError ? error : null;
  const missing = e?.status === 404;
  const ended = e && ACCESS_ENDED.has(e.code);
  return (
    <div class="container container--narrow access-ended">
      <div class="card signin-card">
        <h1 class="signin-card__title">
          {missing ? 'Gallery not found' : ended ? 'Your access has ended' : 'We couldn’t open this gallery'}
        </h1>
        <Notice role="alert" tone={missing || ended ? 'info' : 'error'}>
          {missing ? 'This gallery doesn’t exist or isn’t shared with you. Check the link, or open it from your portal.' : messageOf(error)}
        </Notice>
        <div class="stack">
          {!missing && !ended && (
            <button type="button" class="button button--secondary button--block" onClick={retry}>
              Try again
            </button>
          )}
          <a class="button button--primary button--block" href="/">
            Go to your galleries
          </a>
        </div>
      </div>
    </div>
  );
}

export function ProofingSkeleton() {
  return (
    <div class="container proof" role="status" aria-live="polite">
      <span class="visually-hidden">Loading the gallery…</span>
      <div class="proof-hero" aria-hidden="true">
        <span class="skeleton skeleton--short" />
        <span class="skeleton skeleton--text" />
      </div>
      <div class="proof-skeleton" aria-hidden="true">
        {Array.from({ length: 12 }, (_, i) => (
          <span key={i} class="skeleton-block" />
        ))}
      </div>
    </div>
  );
}
