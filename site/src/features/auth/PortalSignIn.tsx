import { useEffect, useRef, useState } from 'preact/hooks';
import { NoPortal, PortalFrame, useBranding } from '../../components/portal/PortalFrame.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { MailIcon } from '../../components/ui/Icons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useHydrated, useTitle } from '../../lib/hooks.ts';
import { emailProblem } from '../../lib/validation.ts';

export default function PortalSignIn() {
  const hydrated = useHydrated();
  const [studio, setStudio] = useBranding();
  const [missing, setMissing] = useState(false);
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The address a link was requested for: the page then shows the neutral confirmation. */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    call('getPortal').then(
      (r) => setStudio(r.studio),
      (e: unknown) => setMissing(e instanceof ApiError && e.status === 404),
    );
  }, [setStudio]);
  useTitle(studio ? `Sign in · ${studio.name}` : undefined);
  useEffect(() => {
    if (sentTo) confirmation.current?.focus();
  }, [sentTo]);

  if (missing) {
    return (
      <PortalFrame studio={null} narrow none>
        <NoPortal />
      </PortalFrame>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    const found = emailProblem(email);
    setProblem(found);
    if (found) return document.getElementById('email')?.focus();
    setBusy(true);
    try {
      await call('requestMagicLink', { body: { email: email.trim() } });
      setSentTo(email.trim());
    } catch (err) {
      if (err instanceof ApiError && err.field('email')) {
        setProblem(err.field('email'));
        document.getElementById('email')?.focus();
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setSentTo(null);
    setError('');
    requestAnimationFrame(() => document.getElementById('email')?.focus());
  };

  return (
    <PortalFrame studio={studio} narrow>
      <div class="container container--narrow">
        <div class="card signin-card">
          <h1 class="signin-card__title">{studio ? `Sign in to ${studio.name}` : 'Sign in'}</h1>
          <div role="status" aria-live="polite">
            {sentTo && (
              <div class="sent" ref={confirmation} tabIndex={-1}>
                <span class="sent__icon">
                  <MailIcon />
                </span>
                <p class="sent__title">Check your inbox</p>
                <p>
                  If <strong class="sent__email">{sentTo}</strong> has access, a sign-in link is on its way; it works once, for 15 minutes.
                </p>
              </div>
            )}
          </div>
          {sentTo ? (
            <div class="stack">
              <p class="muted small sent-note">Nothing after a few minutes? Check your spam folder, or try again.</p>
              <button type="button" class="button button--secondary button--block" onClick={again}>
                Use a different email
              </button>
            </div>
          ) : (
            <form class="stack" noValidate onSubmit={submit}>
              <p class="signin-card__lead">Enter your email address and we’ll send you a link to sign in. No password needed.</p>
              <Notice role="alert">{error}</Notice>
              <Field
                id="email"
                label="Email"
                type="email"
                autoComplete="email"
                spellcheck={false}
                value={email}
                onValue={setEmail}
                error={problem}
              />
              <button type="submit" class="button button--primary button--block" disabled={!hydrated} aria-disabled={busy || undefined}>
                {busy && <Spinner />}
                {busy ? 'Sending…' : 'Email me a sign-in link'}
              </button>
            </form>
          )}
        </div>
      </div>
    </PortalFrame>
  );
}
