import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { NotificationBell } from '../../features/notifications/index.ts';
import { applyBranding, rememberedBranding } from '../../lib/branding.ts';
import { applyAccent } from '../../lib/colour.ts';
import type { Branding } from '../../lib/types.ts';
import { MailIcon } from '../ui/Icons.tsx';
import { Notice } from '../ui/Notice.tsx';
import { SignOutButton } from '../ui/SignOutButton.tsx';

/**
 * The portal's branding: what this tab last saw of it straight away, then the API's answer
 * (passed to the setter) wherever it comes from.
 */
export function useBranding(): [Branding | null, (studio: Branding) => void] {
  const [studio, setStudio] = useState<Branding | null>(null);
  const fresh = useRef(false);
  useEffect(() => {
    const remembered = rememberedBranding();
    if (remembered && !fresh.current) {
      applyAccent(remembered.accentColor);
      setStudio(remembered);
    }
  }, []);
  const update = useCallback((next: Branding) => {
    fresh.current = true;
    applyBranding(next);
    setStudio(next);
  }, []);
  return [studio, update];
}

function StudioBrand({ studio }: { studio: Branding | null }) {
  const [logoFailed, setLogoFailed] = useState(false);
  if (!studio) return <span class="studio-brand studio-brand--pending" aria-hidden="true" />;
  return (
    <a class="studio-brand" href="/">
      {studio.logoUrl && !logoFailed ? (
        <img class="studio-brand__logo" src={studio.logoUrl} alt={studio.name} onError={() => setLogoFailed(true)} />
      ) : (
        <span class="studio-brand__name">{studio.name}</span>
      )}
    </a>
  );
}

interface PortalFrameProps {
  studio: Branding | null;
  /** Show the sign-out button (signed-in pages). */
  signedIn?: boolean;
  children: ComponentChildren;
  /** Centre a narrow column (sign-in pages). */
  narrow?: boolean;
  /** The host is no studio's portal: no brand to wait for. */
  none?: boolean;
}

/** A studio's portal: its brand on top, its contact at the bottom, Portico only in small print. */
export function PortalFrame({ studio, signedIn, children, narrow, none }: PortalFrameProps) {
  const [error, setError] = useState('');
  return (
    <div class={`portal${narrow ? ' portal--narrow' : ''}`}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {!none && (
        <header class="portal-header">
          <div class="container portal-header__inner">
            <StudioBrand studio={studio} />
            {signedIn && (
              <nav class="portal-header__nav" aria-label="Portal">
                <a href="/messages" class="button button--ghost">
                  Messages
                </a>
                <a href="/billing" class="button button--ghost">
                  Billing
                </a>
                <NotificationBell side="client" settingsHref="/notifications" />
                <SignOutButton onError={setError} class="button--ghost portal-header__signout" />
              </nav>
            )}
          </div>
        </header>
      )}
      <main id="main" class="portal-main" tabIndex={-1}>
        <div class="container">
          <Notice role="alert">{error}</Notice>
        </div>
        {children}
      </main>
      <footer class="portal-footer">
        <div class="container portal-footer__inner">
          {studio?.supportEmail && (
            <p class="portal-footer__contact">
              <MailIcon />
              <span>
                Questions? Write to <a href={`mailto:${studio.supportEmail}`}>{studio.supportEmail}</a>
              </span>
            </p>
          )}
          {/* Full branding removes Portico's line; partial (Starter) keeps it (shared/features/plans/constants.ts). */}
          <p class="portal-footer__powered">
            {studio ? `${studio.name}’s client portal` : 'Client portal'}
            {studio?.poweredBy !== false && <span data-testid="powered-by"> · Powered by Portico</span>}
          </p>
        </div>
      </footer>
    </div>
  );
}

/** The host is not a studio's portal (the API answered 404). */
export function NoPortal() {
  return (
    <div class="container container--narrow">
      <div class="card signin-card">
        <h1 class="signin-card__title">There’s no client portal here</h1>
        <p class="muted">Check the address in your invitation email, or ask your studio for the right link.</p>
      </div>
    </div>
  );
}

/** The studio's support address as a sentence, when it has one. */
export function SupportLine({ studio }: { studio: Branding | null }) {
  if (!studio?.supportEmail) return null;
  return (
    <p>
      Need help? Write to <a href={`mailto:${studio.supportEmail}`}>{studio.supportEmail}</a>.
    </p>
  );
}
