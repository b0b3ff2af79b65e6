import type { ComponentChildren } from 'preact';
import { PorticoMark } from '../ui/Icons.tsx';

/** The signed-out dashboard pages: a centred card under the Portico brand. */
export function AuthLayout({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead?: string;
  children: ComponentChildren;
  footer?: ComponentChildren;
}) {
  return (
    <div class="auth">
      <header class="auth__brand">
        <PorticoMark size={36} />
        <span class="auth__brand-name">Portico</span>
      </header>
      <main id="main" class="auth__main">
        <div class="card auth__card">
          <h1 class="auth__title">{title}</h1>
          {lead && <p class="auth__lead">{lead}</p>}
          {children}
        </div>
        {footer && <div class="auth__footer">{footer}</div>}
      </main>
    </div>
  );
}
