// The Portal Manager's own sections: the overview and access, and the releases with their templates.
const SECTIONS = [
  { id: 'overview', href: '/portal-manager', label: 'Overview' },
  { id: 'releases', href: '/portal-manager/releases', label: 'Releases' },
  { id: 'templates', href: '/portal-manager/releases/templates', label: 'Templates' },
] as const;

export type PortalManagerSection = (typeof SECTIONS)[number]['id'];

export function PortalManagerNav({ current }: { current: PortalManagerSection }) {
  return (
    <nav class="pm-nav" aria-label="Portal Manager">
      {SECTIONS.map((s) => (
        <a key={s.id} href={s.href} class="pm-nav__link" aria-current={s.id === current ? 'page' : undefined}>
          {s.label}
        </a>
      ))}
    </nav>
  );
}
