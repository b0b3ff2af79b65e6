// The Stripe connection: when connected, the account, its currency, live or test, the key's hint
// and the webhook address; when not, the steps to make a restricted key and a webhook endpoint,
// and the form for the three keys (each field's problem from the API's `fields`).
import { STRIPE_KEY_PERMISSIONS, STRIPE_WEBHOOK_EVENTS } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings } from '../../../../shared/features/invoices/schemas.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useStripeConnection } from './usePaymentsSettings.ts';

export function StripeConnection({ settings, onChange }: { settings: BillingSettings; onChange: (s: BillingSettings) => void }) {
  const c = useStripeConnection(settings, onChange);
  const s = settings.stripe;
  const events = s.events.length ? s.events : [...STRIPE_WEBHOOK_EVENTS];
  const permissions = s.permissions.length ? s.permissions : [...STRIPE_KEY_PERMISSIONS];
  return (
    <section class="card" aria-labelledby="stripe-heading">
      <div class="card__head">
        <h2 id="stripe-heading">Stripe</h2>
        <p class="muted">Your clients pay your invoices in the portal through your own Stripe account; the money goes straight to you.</p>
      </div>
      <div class="card__body stripe">
        {s.connected ? (
          <>
            <dl class="invoice-facts" data-testid="stripe-connected">
              <Fact term="Account" value={s.accountName ?? s.accountId ?? 'Connected'} />
              {s.currency && <Fact term="Currency" value={s.currency.toUpperCase()} />}
              <Fact term="Mode" value={s.livemode ? 'Live' : 'Test (no real money)'} />
              {s.keyHint && <Fact term="Key" value={s.keyHint} />}
              {s.connectedAt && <Fact term="Connected" value={formatDate(s.connectedAt)} />}
            </dl>
            <WebhookUrl url={s.webhookUrl} />
            <button type="button" class="button button--danger" aria-disabled={c.busy || undefined} onClick={() => void c.disconnect()}>
              {c.busy && <Spinner />}
              Disconnect Stripe
            </button>
          </>
        ) : (
          <>
            <ol class="stripe-steps">
              <li>
                In Stripe’s dashboard, open <strong>Developers → API keys</strong> and choose <strong>Create restricted key</strong>. Give
                it these permissions (everything else: None):
                <ul>
                  {permissions.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </li>
              <li>
                Open <strong>Developers → Webhooks</strong>, choose <strong>Add endpoint</strong>, paste this address and select these
                events:
                <WebhookUrl url={s.webhookUrl} />
                <ul>
                  {events.map((e) => (
                    <li key={e}>
                      <code>{e}</code>
                    </li>
                  ))}
                </ul>
                Then reveal the endpoint’s <strong>Signing secret</strong> (whsec_…).
              </li>
              <li>Paste the restricted key, the signing secret and your publishable key (Developers → API keys) below.</li>
            </ol>
            <form
              class="stripe-form"
              noValidate
              aria-label="Connect Stripe"
              onSubmit={(e) => {
                e.preventDefault();
                void c.connect();
              }}
            >
              <Field
                id="stripe-secret"
                label="Restricted key"
                type="password"
                autoComplete="off"
                spellcheck={false}
                placeholder="rk_live_…"
                value={c.keys.secretKey}
                onValue={c.set('secretKey')}
                error={c.problem('secretKey')}
              />
              <Field
                id="stripe-webhook"
                label="Webhook signing secret"
                type="password"
                autoComplete="off"
                spellcheck={false}
                placeholder="whsec_…"
                value={c.keys.webhookSecret}
                onValue={c.set('webhookSecret')}
                error={c.problem('webhookSecret')}
              />
              <Field
                id="stripe-publishable"
                label="Publishable key"
                autoComplete="off"
                spellcheck={false}
                placeholder="pk_live_…"
                value={c.keys.publishableKey}
                onValue={c.set('publishableKey')}
                error={c.problem('publishableKey')}
              />
              <p class="field__hint">The keys are checked with Stripe and stored encrypted; they are never shown again.</p>
              <div>
                <button type="submit" class="button button--primary" aria-disabled={c.busy || undefined}>
                  {c.busy && <Spinner />}
                  Connect Stripe
                </button>
              </div>
            </form>
          </>
        )}
        <Notice role="status">{c.status}</Notice>
        <Notice role="alert">{c.error}</Notice>
      </div>
    </section>
  );
}

function WebhookUrl({ url }: { url: string }) {
  return (
    <div class="field webhook-url">
      <label class="field__label" for="stripe-webhook-url">
        Webhook endpoint URL
      </label>
      <div class="field__box">
        <input id="stripe-webhook-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => void navigator.clipboard?.writeText(url).catch(() => {})}
        >
          Copy
        </button>
      </div>
    </div>
  );
}

export function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div class="invoice-facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
