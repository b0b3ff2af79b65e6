// The countersignature: the named team member agrees to sign electronically and signs once every
// signer has; the release is then sealed.
import { useRef, useState } from 'preact/hooks';
import { CONSENT } from '../../../../shared/features/releases/constants.ts';
import type { ReleaseDetail, SignatureInput } from '../../../../shared/features/releases/schemas.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { SignatureField } from './SignatureField.tsx';

export function Countersign({ release, name, onDone }: { release: ReleaseDetail; name: string; onDone: (r: ReleaseDetail) => void }) {
  const [agreed, setAgreed] = useState(false);
  const [signature, setSignature] = useState<SignatureInput | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const sending = useRef(false);
  const submit = async () => {
    if (sending.current) return;
    if (!agreed) return setError('Tick the box to agree to sign electronically.');
    if (!signature) return setError('Draw or type your signature first.');
    sending.current = true;
    setBusy(true);
    setError('');
    try {
      const r = await call('countersignRelease', {
        params: { releaseId: release.releaseId },
        body: { documentHash: release.document.hash, signature, consentVersion: CONSENT.version },
      });
      onDone(r.release);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return (
    <section class="card sign-step" aria-labelledby="countersign-heading">
      <h2 id="countersign-heading">Countersign</h2>
      <p>
        Every signer has signed. Read the <a href={release.document.url}>document</a>, then countersign to seal it.
      </p>
      <details class="sign-consent-details">
        <summary>{CONSENT.title}</summary>
        <ul class="sign-consent">
          {CONSENT.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </details>
      <label class="check">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />I agree to sign electronically
      </label>
      <SignatureField id="countersignature" label="Signature" defaultText={name} onChange={setSignature} />
      <Notice role="alert">{error}</Notice>
      <button type="button" class="button button--primary" disabled={busy} onClick={() => void submit()}>
        {busy && <Spinner />}
        {busy ? 'Countersigning…' : 'Countersign'}
      </button>
    </section>
  );
}
