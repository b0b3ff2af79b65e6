import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type Role, roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { NotificationBell } from '../../features/notifications/index.ts';
import { messageOf } from '../../lib/api.ts';
import { PorticoMark } from '../ui/Icons.tsx';
import { Notice } from '../ui/Notice.tsx';
import { SignOutButton } from '../ui/SignOutButton.tsx';

export type AppSection = 'overview' | 'inbox' | 'clients' | 'portal-manager' | 'projects' | 'galleries' | 'billing' | 'settings';

/** Each section names the least team role that may use it, as the routes behind it do. */
const NAV: { id: AppSection; href: string; label: string; role: Role }[] = [
  { id: 'overview', href: '/', label: 'Overview', role: 'member' },
  { id: 'inbox', href: '/inbox', label: 'Inbox', role: 'member' },
  { id: 'clients', href: '/clients', label: 'Clients', role: 'admin' },
  { id: 'portal-manager', href: '/portal-manager', label: 'Portal Manager', role: 'admin' },
  { id: 'projects', href: '/projects', label: 'Projects', role: 'member' },
  { id: 'galleries', href: '/galleries', label: 'Galleries', role: 'member' },
  { id: 'billing', href: '/billing', label: 'Billing', role: 'admin' },
  { id: 'settings', href: '/settings', label: 'Settings', role: 'member' },
];

/** The signed-in dashboard: brand, studio, navigation and sign-out around the page. */
export function AppShell({
  current,
  studioName,
  role,
  children,
}: {
  current: AppSection;
  studioName?: string | undefined;
  /** The signed-in user's team role: sections it cannot use are not shown (all are, until it is known). */
  role?: Role | undefined;
  children: ComponentChildren;
}) {
  const [error, setError] = useState('');
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <div class="container app-header__inner">
          <a class="app-brand" href="/">
            <PorticoMark />
            <span class="app-brand__name">Portico</span>
          </a>
          <span class="app-header__studio">{studioName}</span>
          <nav class="app-nav" aria-label="Main">
            {NAV.filter((item) => !role || roleAtLeast(role, item.role)).map((item) => (
              <a key={item.id} href={item.href} class="app-nav__link" aria-current={item.id === current ? 'page' : undefined}>
                {item.label}
              </a>
            ))}
          </nav>
          <div class="app-header__actions">
            <NotificationBell side="studio" settingsHref="/settings/notifications" />
            <SignOutButton onError={setError} />
          </div>
        </div>
      </header>
      <main id="main" class="container app-main" tabIndex={-1}>
        <Notice role="alert">{error}</Notice>
        {children}
      </main>
      <footer class="container app-footer">
        <p>Portico · your studio’s own client portal</p>
      </footer>
    </div>
  );
}

/** A failed load, with a way to try again. */
export function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div class="panel panel--center">
      <Notice role="alert">{messageOf(error)}</Notice>
      <button type="button" class="button button--secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
