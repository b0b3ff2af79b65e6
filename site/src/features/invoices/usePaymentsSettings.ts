// Settings → Payments: the Stripe connection (connect with the three keys, disconnect) and the
// invoicing details. Secrets are sent once and never shown back: the API answers a hint only.
import { useState } from 'preact/hooks';
import type { Currency } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings, ConnectStripeBody, InvoicingSettingsBody } from '../../../../shared/features/invoices/schemas.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';

type Problems = Record<string, string[]>;

function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const run = async (work: () => Promise<void>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    setStatus('');
    setProblems({});
    try {
      await work();
      setStatus(done);
    } catch (e) {
      setProblems(e instanceof ApiError ? e.fields : {});
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, status, problems, problem: (k: string) => problems[k]?.[0], run };
}

export function useStripeConnection(settings: BillingSettings, onChange: (s: BillingSettings) => void) {
  const [keys, setKeys] = useState<ConnectStripeBody>({ secretKey: '', webhookSecret: '', publishableKey: '' });
  const r = useRequest();
  return {
    ...r,
    keys,
    set: (k: keyof ConnectStripeBody) => (v: string) => setKeys((x) => ({ ...x, [k]: v.trim() })),
    connect: () =>
      r.run(async () => {
        const answer = await call('connectStripe', { body: keys });
        setKeys({ secretKey: '', webhookSecret: '', publishableKey: '' });
        onChange(answer.settings);
      }, 'Stripe is connected: your clients can pay online.'),
    disconnect: () =>
      r.run(
        async () => onChange((await call('disconnectStripe')).settings),
        'Stripe is disconnected. Clients can’t pay online until you connect again.',
      ),
    connected: settings.stripe.connected,
  };
}

export function useInvoicingDetails(settings: BillingSettings, onChange: (s: BillingSettings) => void) {
  const i = settings.invoicing;
  const [v, setV] = useState({
    legalName: i.legalName,
    address: i.address,
    email: i.email,
    taxIds: i.taxIds,
    prefix: i.prefix,
    dueDays: String(i.dueDays),
    defaultTerms: i.defaultTerms,
    defaultCurrency: i.defaultCurrency as Currency,
  });
  const r = useRequest();
  const set =
    <K extends keyof typeof v>(k: K) =>
    (value: (typeof v)[K]) =>
      setV((x) => ({ ...x, [k]: value }));
  return {
    ...r,
    values: v,
    set,
    save: () =>
      r.run(async () => {
        const body: InvoicingSettingsBody = {
          legalName: v.legalName.trim(),
          address: v.address.trim(),
          email: v.email.trim(),
          taxIds: v.taxIds.map((t) => ({ label: t.label.trim(), value: t.value.trim() })).filter((t) => t.label || t.value),
          prefix: v.prefix.trim().toUpperCase(),
          dueDays: /^\d+$/.test(v.dueDays) ? Number(v.dueDays) : -1,
          defaultTerms: v.defaultTerms,
          defaultCurrency: v.defaultCurrency,
        };
        onChange((await call('updateInvoicingSettings', { body })).settings);
      }, 'Invoicing details saved.'),
  };
}
