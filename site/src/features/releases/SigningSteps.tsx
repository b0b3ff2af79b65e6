// The signing page's steps: the consent, the document, the signature and the end. Each is given
// what it shows and what to call; the flow (useSigning) decides which one is on screen.
import { useRef, useState } from 'preact/hooks';
import { CONSENT } from '../../../../shared/features/releases/constants.ts';
import type { SignatureInput, SignerRelease } from '../../../../shared/features/releases/schemas.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { SignatureField } from './SignatureField.tsx';

export function ConsentStep({ busy, onAccept }: { busy: boolean; onAccept: () => void }) {
  const [agreed, setAgreed] = useState(false);
  const [problem, setProblem] = useState('');
  return (
    <section class="card sign-step" aria-labelledby="consent-heading">
      <h2 id="consent-heading" tabIndex={-1}>
        {CONSENT.title}
      </h2>
      <ul class="sign-consent">
        {CONSENT.points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <label class="check">
        <input
          type="checkbox"
          checked={agreed}
          aria-describedby={problem ? 'consent-error' : undefined}
          onChange={(e) => {
            setAgreed(e.currentTarget.checked);
            setProblem('');
          }}
        />
        I agree to sign electronically
      </label>
      {problem && (
        <p class="field__error" id="consent-error">
          {problem}
        </p>
      )}
      <button
        type="button"
        class="button button--primary"
        aria-disabled={busy || undefined}
        onClick={() => (agreed ? onAccept() : setProblem('Tick the box to agree, or decline below.'))}
      >
        {busy && <Spinner />}
        Continue
      </button>
    </section>
  );
}

export function DocumentStep({
  release,
  preparing,
  onLoaded,
  onContinue,
  canSign,
}: {
  release: SignerRelease;
  preparing: boolean;
  onLoaded: () => void;
  onContinue: () => void;
  canSign: boolean;
}) {
  const loaded = useRef(new Set<number>());
  const pages = release.document.pages;
  const seen = (i: number) => {
    loaded.current.add(i);
    if (loaded.current.size === pages.length) onLoaded();
  };
  return (
    <section class="card sign-step" aria-labelledby="document-heading">
      <h2 id="document-heading" tabIndex={-1}>
        Read the document
      </h2>
      {preparing ? (
        <p role="status" class="muted">
          Preparing the document…
        </p>
      ) : (
        <div class="sign-pages">
          {pages.map((p, i) => (
            <img
              key={i}
              class="sign-pages__page"
              src={p.url}
              width={p.width}
              height={p.height}
              alt={`Page ${i + 1}`}
              onLoad={() => seen(i)}
            />
          ))}
        </div>
      )}
      <p>
        <a href={release.document.url} download>
          Download the PDF
        </a>
      </p>
      <p class="small muted sign-hash">
        SHA-256: <code data-testid="document-hash">{release.document.hash}</code>
      </p>
      {canSign && (
        <button type="button" class="button button--primary" disabled={preparing} onClick={onContinue}>
          Continue to sign
        </button>
      )}
    </section>
  );
}

export function SignStep({
  release,
  busy,
  onSign,
  onBack,
}: {
  release: SignerRelease;
  busy: boolean;
  onSign: (signature: SignatureInput, initials?: SignatureInput) => void;
  onBack: () => void;
}) {
  const [signature, setSignature] = useState<SignatureInput | null>(null);
  const [initials, setInitials] = useState<SignatureInput | null>(null);
  const [problem, setProblem] = useState('');
  const needsInitials = release.me.marks.includes('initials');
  const initialsOf = (name: string) =>
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase())
      .join('');
  const submit = () => {
    if (busy) return;
    if (!signature) return setProblem('Draw or type your signature first.');
    if (needsInitials && !initials) return setProblem('Draw or type your initials first.');
    setProblem('');
    onSign(signature, needsInitials && initials ? initials : undefined);
  };
  return (
    <section class="card sign-step" aria-labelledby="sign-heading">
      <h2 id="sign-heading" tabIndex={-1}>
        Sign
      </h2>
      <p class="muted">Signing as {release.me.name}.</p>
      <SignatureField id="signature" label="Signature" defaultText={release.me.name} onChange={setSignature} />
      {needsInitials && <SignatureField id="initials" label="Initials" defaultText={initialsOf(release.me.name)} onChange={setInitials} />}
      <Notice role="alert">{problem}</Notice>
      <div class="sign-step__buttons">
        <button type="button" class="button button--primary" disabled={busy} aria-disabled={busy || undefined} onClick={submit}>
          {busy && <Spinner />}
          {busy ? 'Signing…' : 'Sign'}
        </button>
        <button type="button" class="button button--ghost" disabled={busy} onClick={onBack}>
          Back to the document
        </button>
      </div>
    </section>
  );
}

export function DeclineForm({ busy, onDecline }: { busy: boolean; onDecline: (reason: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  if (!open)
    return (
      <p class="sign-decline">
        <button type="button" class="link-button" onClick={() => setOpen(true)}>
          Decline
        </button>
      </p>
    );
  return (
    <section class="card sign-step" aria-labelledby="decline-heading">
      <h2 id="decline-heading">Decline to sign</h2>
      <div class={`field${problem ? ' field--invalid' : ''}`}>
        <label class="field__label" for="decline-reason">
          Reason
        </label>
        <textarea
          id="decline-reason"
          class="textarea"
          rows={3}
          maxLength={1000}
          value={reason}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'decline-reason-error' : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        {problem && (
          <p class="field__error" id="decline-reason-error">
            {problem}
          </p>
        )}
      </div>
      <div class="sign-step__buttons">
        <button
          type="button"
          class="button button--danger"
          disabled={busy}
          onClick={() => (reason.trim() ? onDecline(reason.trim()) : setProblem('Say why you decline: the studio reads it.'))}
        >
          {busy && <Spinner />}
          Decline to sign
        </button>
        <button type="button" class="button button--ghost" onClick={() => setOpen(false)}>
          Keep the document
        </button>
      </div>
    </section>
  );
}
