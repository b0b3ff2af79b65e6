import { useState } from 'preact/hooks';
import { DOMAIN_STATUS_NAMES, type DomainStatus } from '../../../../shared/features/domains/constants.ts';
import { MATRIX } from '../../../../shared/features/plans/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { entitled, UpgradeHint } from '../plans/index.ts';
import { SettingsShell } from '../settings/index.ts';
import { type CustomDomain, onItsWay, useCustomDomain } from './useCustomDomain.ts';

const TONE: Record<DomainStatus, BadgeTone> = {
  pending_dns: 'warning',
  validating_certificate: 'info',
  active: 'success',
  failed: 'danger',
};

/** Settings → Domain: the portal on the studio's own host (Growth and up). */
export default function DomainPage() {
  const me = useLoad(() => call('getStudioMe'));
  useTitle(me.state === 'ready' ? `Domain · ${me.data.studio.name} · Portico` : undefined);
  return (
    <SettingsShell current="domain" me={me}>
      {(data) => <DomainSection me={data} />}
    </SettingsShell>
  );
}

function DomainSection({ me }: { me: StudioMe }) {
  const allowed = entitled(me, 'customDomain');
  const { domain, setDomain, failed, checking, check } = useCustomDomain(allowed);
  return (
    <section class="card" aria-labelledby="domain-heading">
      <div class="card__head">
        <h2 id="domain-heading">Custom domain</h2>
        <p class="muted">Your portal answers at {me.portalUrl.replace(/\/$/, '')} and, once set up, on a domain of your own too.</p>
      </div>
      <div class="card__body">
        {failed !== undefined && <LoadFailed error={failed} retry={() => location.reload()} />}
        {failed === undefined && domain === undefined && <Loading label="Loading your domain…" />}
        {domain && (
          <DomainStatusCard domain={domain} canCheck={allowed} checking={checking} check={check} onRemoved={() => setDomain(null)} />
        )}
        {domain === null && (allowed ? <AddDomainForm onAdded={setDomain} /> : <UpgradeHint me={me} entitlement="customDomain" />)}
        {domain && !allowed && (
          <>
            <p class="muted">{MATRIX.customDomain.without}</p>
            <UpgradeHint me={me} entitlement="customDomain" />
          </>
        )}
      </div>
    </section>
  );
}

function AddDomainForm({ onAdded }: { onAdded: (d: CustomDomain) => void }) {
  const [host, setHost] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!host.trim()) return setProblem('Enter a domain, like portal.yourstudio.com.');
    setBusy(true);
    setProblem(undefined);
    try {
      const { domain } = await call('addDomain', { body: { host } });
      if (domain) onAdded(domain);
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.field('host') ?? err.message) : messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="invite__form" noValidate onSubmit={submit}>
      <Field
        id="domain-host"
        label="Domain"
        placeholder="portal.yourstudio.com"
        autoComplete="off"
        spellcheck={false}
        maxLength={253}
        value={host}
        onValue={setHost}
        error={problem}
        hintBelow
        hint="A subdomain of a domain you own. Portico then shows the one DNS record to add."
      />
      <div class="invite__submit">
        <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
          {busy && <Spinner />}
          {busy ? 'Adding…' : 'Add domain'}
        </button>
      </div>
    </form>
  );
}

function DomainStatusCard(props: {
  domain: CustomDomain;
  canCheck: boolean;
  checking: boolean;
  check: () => Promise<void>;
  onRemoved: () => void;
}) {
  const { domain } = props;
  const [error, setError] = useState<string | undefined>();
  const remove = async () => {
    try {
      await call('removeDomain');
      props.onRemoved();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div class="domain" data-testid="custom-domain">
      <p>
        <strong>{domain.host}</strong>{' '}
        <span data-testid="domain-status" data-status={domain.status}>
          <Badge tone={TONE[domain.status]}>{DOMAIN_STATUS_NAMES[domain.status]}</Badge>
        </span>
      </p>
      {domain.status !== 'active' && (
        <>
          <p>At your DNS provider, add this one record:</p>
          <table class="domain__record">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Name</th>
                <th scope="col">Target</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>CNAME</td>
                <td>
                  <code>{domain.cname.name}</code>
                </td>
                <td>
                  <code data-testid="cname-target">{domain.cname.target}</code>
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      {domain.reason && <p class="muted">{domain.reason}</p>}
      {domain.status === 'active' && domain.serving && (
        <p>
          Your portal answers at <a href={domain.url}>{domain.url}</a>.
        </p>
      )}
      {onItsWay(domain) && props.canCheck && <p class="muted">Portico checks every few seconds; DNS changes can take a while to show.</p>}
      <div class="invite__submit">
        {onItsWay(domain) && props.canCheck && (
          <button type="button" class="button button--secondary" onClick={() => props.check().catch((e) => setError(messageOf(e)))}>
            {props.checking && <Spinner />}
            Check now
          </button>
        )}
        <button type="button" class="button button--secondary" onClick={remove}>
          Remove domain
        </button>
      </div>
      <Notice role="alert">{error}</Notice>
    </div>
  );
}
