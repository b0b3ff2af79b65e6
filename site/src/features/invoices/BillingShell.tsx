// The studio's billing pages: the dashboard's shell with Billing current, the page's heading, and
// the load that first asks who is signed in, so a member (billing is the owners' and admins') is told
// so instead of being shown controls the API refuses.
import type { ComponentChildren } from 'preact';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { type Load, useLoad, useTitle } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import './studio-invoices.css';

export type BillingLoad<T> = Load<{ me: StudioMe; data: T | null }> & { reload: () => void };

/** The signed-in user, then (for an owner or an admin) what the page needs. */
export function useBillingLoad<T>(load: (me: StudioMe) => Promise<T>): BillingLoad<T> {
  return useLoad(async () => {
    const me = await call('getStudioMe');
    return { me, data: roleAtLeast(me.user.role, 'admin') ? await load(me) : null };
  });
}

export function BillingShell<T>({
  title,
  lead,
  load,
  loadingLabel,
  before,
  children,
}: {
  title: string;
  lead?: string | undefined;
  load: BillingLoad<T>;
  loadingLabel: string;
  /** Shown above the content whatever its state (a back link). */
  before?: ComponentChildren;
  children: (data: T, me: StudioMe) => ComponentChildren;
}) {
  const me = load.state === 'ready' ? load.data.me : undefined;
  useTitle(me && `${title} · ${me.studio.name} · Portico`);
  return (
    <AppShell current="billing" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>{title}</h1>
        {lead && <p class="page-head__lead">{lead}</p>}
      </div>
      <div class="billing-stack">
        {before}
        {load.state === 'loading' && <Loading label={loadingLabel} />}
        {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
        {load.state === 'ready' && load.data.data === null && (
          <div class="panel panel--center" role="status">
            <p>Billing is for the studio’s owners and admins. Ask an owner of {load.data.me.studio.name} if you need an invoice.</p>
          </div>
        )}
        {load.state === 'ready' && load.data.data !== null && children(load.data.data, load.data.me)}
      </div>
    </AppShell>
  );
}
