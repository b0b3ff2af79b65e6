import { useEffect, useRef, useState } from 'preact/hooks';
import { PortalFrame, SupportLine, useBranding } from '../../components/portal/PortalFrame.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useTitle } from '../../lib/hooks.ts';
import type { Branding } from '../../lib/types.ts';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

let taken: string | null | undefined;

/**
 * The sign-in token rides in the URL fragment (`/auth#token=…`), which browsers never send to a
 * server. Take it once and wipe it from the address bar and history straight away, so it is not
 * left in bookmarks, screenshots or a shared screen.
 */
export function takeToken(): string | null {
  if (taken !== undefined) return taken;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  taken = token;
  return token;
}

type Outcome =
  | { state: 'working' }
  | { state: 'signed-in' }
  | { state: 'failed'; code: string; message: string }
  | { state: 'renewing' }
  | { state: 'renewed' };

const INCOMPLETE = {
  code: 'link_invalid',
  message: 'This page needs the full link from your email. Open the link again, or request a new one below.',
};

const TITLES: Record<string, string> = {
  link_expired: 'This sign-in link has expired',
  link_used: 'This sign-in link has been used',
  link_invalid: 'This sign-in link isn’t valid',
  access_expired: 'Your access has ended',
  access_revoked: 'Your access has ended',
};

export default function PortalAuth() {
  const [studio, setStudio] = useBranding();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'working' });
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    call('getPortal').then(
      (r) => setStudio(r.studio),
      () => {},
    );
  }, [setStudio]);
  useTitle(studio ? `Signing in · ${studio.name}` : undefined);

  // Runs once per attempt: on load, and when people ask to try again.
  useEffect(() => {
    const token = takeToken();
    if (!token || !TOKEN.test(token)) {
      setOutcome({ state: 'failed', ...INCOMPLETE });
      return;
    }
    setOutcome({ state: 'working' });
    call('redeemMagicLink', { body: { token } }).then(
      () => {
        setOutcome({ state: 'signed-in' });
        location.replace('/');
      },
      (e: unknown) => setOutcome({ state: 'failed', code: e instanceof ApiError ? e.code : 'unexpected', message: messageOf(e) }),
    );
  }, [attempt]);

  useEffect(() => {
    if (outcome.state === 'failed' || outcome.state === 'renewed') heading.current?.focus();
  }, [outcome.state]);

  const renew = async () => {
    const token = takeToken();
    if (!token || outcome.state === 'renewing') return;
    setOutcome({ state: 'renewing' });
    try {
      await call('renewMagicLink', { body: { token } });
      setOutcome({ state: 'renewed' });
    } catch (e) {
      setOutcome({ state: 'failed', code: e instanceof ApiError ? e.code : 'unexpected', message: messageOf(e) });
    }
  };

  return (
    <PortalFrame studio={studio} narrow>
      <div class="container container--narrow">
        <div class="card signin-card">
          <Body outcome={outcome} studio={studio} heading={heading} renew={renew} retry={() => setAttempt((n) => n + 1)} />
        </div>
      </div>
    </PortalFrame>
  );
}

interface BodyProps {
  outcome: Outcome;
  studio: Branding | null;
  heading: { current: HTMLHeadingElement | null };
  renew: () => void;
  retry: () => void;
}

function Body({ outcome, studio, heading, renew, retry }: BodyProps) {
  if (outcome.state === 'working' || outcome.state === 'signed-in' || outcome.state === 'renewing') {
    const label =
      outcome.state === 'signed-in'
        ? 'Signed in. Opening your portal…'
        : outcome.state === 'renewing'
          ? 'Sending a new link…'
          : 'Signing you in…';
    return (
      <div class="working" role="status" aria-live="polite">
        <Spinner />
        <h1 class="signin-card__title">{label}</h1>
      </div>
    );
  }
  if (outcome.state === 'renewed') {
    return (
      <>
        <h1 class="signin-card__title" ref={heading} tabIndex={-1}>
          Check your inbox
        </h1>
        <Notice role="status">A new sign-in link is on its way to the inbox the old one went to. It works once, for 15 minutes.</Notice>
        <a class="button button--secondary button--block" href="/signin">
          Back to sign in
        </a>
      </>
    );
  }
  const title = TITLES[outcome.code] ?? 'We couldn’t sign you in';
  const accessEnded = outcome.code === 'access_expired' || outcome.code === 'access_revoked';
  const linkProblem = outcome.code.startsWith('link_');
  return (
    <>
      <h1 class="signin-card__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <Notice role="alert" tone={accessEnded ? 'info' : 'error'}>
        {outcome.message}
      </Notice>
      {accessEnded && <SupportLine studio={studio} />}
      <div class="stack">
        {outcome.code === 'link_expired' && (
          <button type="button" class="button button--primary button--block" onClick={renew}>
            Email me a new link
          </button>
        )}
        {!linkProblem && !accessEnded && (
          <button type="button" class="button button--primary button--block" onClick={retry}>
            Try again
          </button>
        )}
        {!accessEnded && (
          <a
            class={`button button--block ${outcome.code === 'link_expired' || !linkProblem ? 'button--secondary' : 'button--primary'}`}
            href="/signin"
          >
            {outcome.code === 'link_expired' ? 'Back to sign in' : 'Request a new link'}
          </a>
        )}
      </div>
    </>
  );
}
