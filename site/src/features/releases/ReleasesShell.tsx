// The studio's release pages inside the Portal Manager: the dashboard's shell, the page's heading
// and the Portal Manager's section links.
import type { ComponentChildren } from 'preact';
import { AppShell } from '../../components/app/AppShell.tsx';
import type { StudioMe } from '../../lib/types.ts';
import { PortalManagerNav, type PortalManagerSection } from '../portal-manager/index.ts';
import './releases.css';

export function ReleasesShell({
  me,
  title,
  lead,
  section,
  children,
}: {
  me: StudioMe | undefined;
  title: string;
  lead?: string;
  section: PortalManagerSection;
  children: ComponentChildren;
}) {
  return (
    <AppShell current="portal-manager" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>{title}</h1>
        {lead && <p class="page-head__lead">{lead}</p>}
      </div>
      <PortalManagerNav current={section} />
      <div class="release-stack">{children}</div>
    </AppShell>
  );
}
