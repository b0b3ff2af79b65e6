// How a client's status reads on the dashboard: the clients list and the Portal Manager alike.
import type { BadgeTone } from '../../components/ui/Badge.tsx';
import type { ClientStatus } from '../../lib/types.ts';

export const CLIENT_STATUS: Record<ClientStatus, { label: string; tone: BadgeTone }> = {
  invited: { label: 'Invited', tone: 'info' },
  active: { label: 'Active', tone: 'success' },
  expired: { label: 'Expired', tone: 'neutral' },
  revoked: { label: 'Revoked', tone: 'danger' },
};
