// Signing through a one-time link, /sign#t=<token>: no account and no sign-in. The token is read
// from the fragment (which never reaches a server), kept for this tab only, and sent in bodies.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignerRelease } from '../../../../shared/features/releases/schemas.ts';
import { PortalFrame, useBranding } from '../../components/portal/PortalFrame.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useTitle } from '../../lib/hooks.ts';
import { SigningFlow } from './SigningFlow.tsx';
import type { SigningCalls } from './useSigning.ts';

const TOKEN_KEY = 'portico.signing-token';
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/** The token from `#t=…` (then wiped from the address bar), or the one this tab kept for a reload. */
function takeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('t');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  if (fromHash && TOKEN.test(fromHash)) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Without storage, a reload needs the link again.
    }
    return fromHash;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function linkCalls(token: string): SigningCalls {
  return {
    refresh: () => call('openSigningLink', { body: { token } }).then((r) => r.release),
    step: (step) => call('recordLinkReleaseStep', { body: { token, step } }).then((r) => r.release),
    sign: (body) => call('signByLink', { body: { token, ...body } }).then((r) => r.release),
    decline: (reason) => call('declineByLink', { body: { token, reason } }).then((r) => r.release),
  };
}

const INVALID = 'This signing link is no longer valid';

type View =
  | { state: 'loading' }
  | { state: 'gone'; title: string; message: string }
  | { state: 'ready'; release: SignerRelease; calls: SigningCalls };

export default function LinkSigningPage() {
  const [studio, setStudio] = useBranding();
  const [view, setView] = useState<View>({ state: 'loading' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    call('getPortal').then(
      (r) => setStudio(r.studio),
      () => {},
    );
    const token = takeToken();
    if (!token)
      return setView({ state: 'gone', title: INVALID, message: 'The link is incomplete: open it again from the email, in full.' });
    const calls = linkCalls(token);
    calls.refresh().then(
      (release) => setView({ state: 'ready', release, calls }),
      (e: unknown) =>
        setView(
          e instanceof ApiError && (e.status === 404 || e.status === 410)
            ? { state: 'gone', title: INVALID, message: e.message }
            : { state: 'gone', title: 'We couldn’t open this document', message: messageOf(e) },
        ),
    );
  }, []);
  useTitle(view.state === 'ready' ? `${view.release.title} · ${view.release.studioName}` : undefined);
  return (
    <PortalFrame studio={studio}>
      <div class="container container--narrow">
        {view.state === 'loading' && <Loading label="Opening the document…" />}
        {view.state === 'gone' && (
          <div class="panel panel--center" data-testid="signing-link-gone">
            <h1>{view.title}</h1>
            <p role="alert">{view.message}</p>
          </div>
        )}
        {view.state === 'ready' && <SigningFlow initial={view.release} calls={view.calls} />}
      </div>
    </PortalFrame>
  );
}
