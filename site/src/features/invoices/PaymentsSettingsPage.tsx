// Settings → Payments (owners only): the studio's own Stripe account, with the steps to make its
// restricted key and webhook, and the invoicing details printed on every invoice.
import { useState } from 'preact/hooks';
import type { BillingSettings } from '../../../../shared/features/invoices/schemas.ts';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { SettingsShell } from '../settings/index.ts';
import { InvoicingDetailsForm } from './InvoicingDetailsForm.tsx';
import { StripeConnection } from './StripeConnection.tsx';
import './studio-invoices.css';

export default function PaymentsSettingsPage() {
  const me = useLoad(() => call('getStudioMe'));
  useTitle(me.state === 'ready' ? `Payments · ${me.data.studio.name} · Portico` : undefined);
  return (
    <SettingsShell current="payments" me={me}>
      {(data) => (roleAtLeast(data.user.role, 'owner') ? <PaymentsSettings /> : null)}
    </SettingsShell>
  );
}

function PaymentsSettings() {
  const load = useLoad(() => call('getBillingSettings'));
  const [settings, setSettings] = useState<BillingSettings | null>(null);
  if (load.state === 'loading') return <Loading label="Loading payment settings…" />;
  if (load.state === 'failed') return <LoadFailed error={load.error} retry={load.reload} />;
  const current = settings ?? load.data.settings;
  return (
    <div class="billing-stack">
      <StripeConnection settings={current} onChange={setSettings} />
      <InvoicingDetailsForm settings={current} onChange={setSettings} />
    </div>
  );
}
