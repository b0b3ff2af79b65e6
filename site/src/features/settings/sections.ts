// Settings' sections and who sees each: the same role and plan rules the API applies to the
// routes behind them, so a section a role cannot use is not shown at all.
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import type { StudioMe } from '../../lib/types.ts';

export type SettingsSection = 'team' | 'notifications' | 'portal' | 'domain' | 'plan' | 'payments';

type Role = StudioMe['user']['role'];

export const SECTIONS: { id: SettingsSection; href: string; label: string; role: Role }[] = [
  { id: 'team', href: '/settings/team', label: 'Team', role: 'member' },
  { id: 'notifications', href: '/settings/notifications', label: 'Notifications', role: 'member' },
  { id: 'portal', href: '/settings/portal', label: 'Portal', role: 'admin' },
  { id: 'domain', href: '/settings/domain', label: 'Domain', role: 'owner' },
  { id: 'plan', href: '/settings/plan', label: 'Plan', role: 'owner' },
  { id: 'payments', href: '/settings/payments', label: 'Payments', role: 'owner' },
];

export const sectionsFor = (role: Role) => SECTIONS.filter((s) => roleAtLeast(role, s.role));
