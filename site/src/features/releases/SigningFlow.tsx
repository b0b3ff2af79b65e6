// The signing page's body, shared by the portal (a signed-in client) and the one-time link: the
// title, the signers, then the step the signer is at, or one sentence saying why there is nothing
// to sign.
import { useEffect, useRef, useState } from 'preact/hooks';
import { RELEASE_KIND_NAMES } from '../../../../shared/features/releases/constants.ts';
import type { SignerRelease } from '../../../../shared/features/releases/schemas.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/format.ts';
import { SIGNER_STATE } from './labels.ts';
import { ConsentStep, DeclineForm, DocumentStep, SignStep } from './SigningSteps.tsx';
import { blockedSentence, type SigningCalls, useSigning } from './useSigning.ts';
import './releases.css';

const STEPS = ['Consent', 'Read', 'Sign'] as const;

export function SigningFlow({ initial, calls }: { initial: SignerRelease; calls: SigningCalls }) {
  const flow = useSigning(initial, calls);
  const r = flow.release;
  const blocked = blockedSentence(r);
  const index = { consent: 0, document: 1, sign: 2, done: 3 }[flow.step];
  // A new step takes the focus (and the scroll) to its heading, as a new page would.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById(`${flow.step}-heading`)?.focus();
  }, [flow.step]);
  return (
    <div class="sign-page" data-testid="signing-page">
      <header class="sign-head">
        <p class="muted small">
          {RELEASE_KIND_NAMES[r.kind]} from {r.studioName}
        </p>
        <h1 class="sign-head__title">{r.title}</h1>
        {r.deadline && (
          <p class="muted small">
            Please sign by <time dateTime={r.deadline}>{formatDate(r.deadline)}</time>
          </p>
        )}
        <ul class="sign-signers" aria-label="Signers">
          {r.signers.map((s, i) => (
            <li key={`${i}-${s.name}`}>
              {s.name} <Badge tone={SIGNER_STATE[s.state].tone}>{SIGNER_STATE[s.state].label}</Badge>
            </li>
          ))}
        </ul>
      </header>
      {blocked ? (
        <section class="card sign-step" data-testid="signing-blocked" aria-labelledby="blocked-heading">
          <h2 id="blocked-heading">{blocked.title}</h2>
          <p>{blocked.text}</p>
        </section>
      ) : flow.step === 'done' ? (
        <Done release={r} sealedUrl={calls.sealedUrl} />
      ) : (
        <>
          <ol class="sign-progress" aria-label="Steps">
            {STEPS.map((s, i) => (
              <li key={s} aria-current={i === index ? 'step' : undefined} class={i < index ? 'is-done' : undefined}>
                {s}
              </li>
            ))}
          </ol>
          <Notice role="alert">{flow.error}</Notice>
          {flow.step === 'consent' && <ConsentStep busy={flow.busy} onAccept={() => void flow.acceptConsent()} />}
          {flow.step === 'document' && (
            <DocumentStep
              release={r}
              preparing={flow.preparing}
              onLoaded={flow.pagesLoaded}
              onContinue={() => void flow.toSign()}
              canSign
            />
          )}
          {flow.step === 'sign' && <SignStep release={r} busy={flow.busy} onSign={(s, i) => void flow.sign(s, i)} onBack={flow.back} />}
          <DeclineForm busy={flow.busy} onDecline={(reason) => void flow.decline(reason)} />
        </>
      )}
    </div>
  );
}

function Done({ release, sealedUrl }: { release: SignerRelease; sealedUrl: SigningCalls['sealedUrl'] }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!sealedUrl || busy) return;
    setBusy(true);
    setError('');
    try {
      location.assign((await sealedUrl()).url);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card sign-step" aria-labelledby="done-heading" data-testid="signing-done">
      <h2 id="done-heading" tabIndex={-1}>
        Signed. The sealed PDF will be emailed to you
      </h2>
      {release.me.signedAt && (
        <p class="muted">
          You signed on <time dateTime={release.me.signedAt}>{formatDateTime(release.me.signedAt)}</time>.
        </p>
      )}
      {!release.sealed && <p class="muted">Once everyone has signed, the document is sealed and sent to every signer.</p>}
      {release.sealed && sealedUrl && (
        <button type="button" class="button button--primary" aria-disabled={busy || undefined} onClick={() => void download()}>
          Download the sealed PDF
        </button>
      )}
      <Notice role="alert">{error}</Notice>
    </section>
  );
}
