// The public verify page of the dashboard host, /verify: is this PDF one this Portico sealed, and
// unchanged since? No sign-in: anyone holding a sealed PDF may check it.
import { useState } from 'preact/hooks';
import type { Verification } from '../../../../shared/features/releases/schemas.ts';
import { AuthLayout } from '../../components/app/AuthLayout.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useVerify } from './useVerify.ts';
import './releases.css';

export default function VerifyPage() {
  const v = useVerify();
  const [hash, setHash] = useState('');
  const [hashProblem, setHashProblem] = useState<string | undefined>();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) void v.checkFile(file);
  };
  return (
    <AuthLayout
      title="Verify a document"
      lead="Check that a PDF was sealed by Portico and has not changed since."
      footer={
        <p>
          <a href="/signin">Sign in to your studio</a>
        </p>
      }
    >
      <div class="stack">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside is the keyboard way in */}
        <div
          class={`verify-drop${over ? ' verify-drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          <label class="field__label" for="verify-file">
            Choose or drop the PDF
          </label>
          <input
            id="verify-file"
            type="file"
            accept="application/pdf,.pdf"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void v.checkFile(file);
            }}
          />
          <p class="muted small">Your file stays on this device: only its fingerprint is sent.</p>
        </div>
        <form
          class="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setHashProblem(v.checkHash(hash));
          }}
        >
          <Field
            id="verify-hash"
            label="Or paste its SHA-256 fingerprint"
            autoComplete="off"
            spellcheck={false}
            optional
            value={hash}
            onValue={setHash}
            error={hashProblem}
          />
          <button type="submit" class="button button--secondary">
            Check fingerprint
          </button>
        </form>
        <div role="status" aria-live="polite">
          {v.view.state === 'working' && (
            <p>
              <Spinner /> {v.view.what}
            </p>
          )}
          {v.view.state === 'done' && <Result verification={v.view.verification} hash={v.view.hash} fileName={v.view.fileName} />}
        </div>
        {v.view.state === 'failed' && <Notice role="alert">{v.view.message}</Notice>}
      </div>
    </AuthLayout>
  );
}

function Result({
  verification: { result, release },
  hash,
  fileName,
}: {
  verification: Verification;
  hash: string;
  fileName: string | null;
}) {
  const what = fileName ? `“${fileName}”` : 'This file';
  return (
    <section
      class={`verify-result verify-result--${result}`}
      data-testid="verify-result"
      data-result={result}
      aria-labelledby="verify-result-heading"
    >
      {result === 'sealed' && release ? (
        <>
          <h2 id="verify-result-heading">Sealed and intact</h2>
          <p data-testid="verify-summary">
            Sealed by {release.studioName} on {formatDateTime(release.sealedAt)} for {release.signers.map((s) => s.name).join(', ')} — the
            file is intact.
          </p>
          <p class="muted small">{release.title}</p>
          <p data-testid="verify-chain">
            {release.chain.intact ? 'Audit chain intact' : `Audit chain broken at event #${release.chain.brokenAt?.seq ?? '?'}`}
          </p>
        </>
      ) : result === 'altered' ? (
        <>
          <h2 id="verify-result-heading">Not intact</h2>
          <p data-testid="verify-summary">Not intact: this file was changed after it was sealed.</p>
          {release && (
            <p class="muted small">
              Portico sealed “{release.title}” for {release.studioName} on {formatDateTime(release.sealedAt)}; {what} differs from it.
            </p>
          )}
        </>
      ) : (
        <>
          <h2 id="verify-result-heading">Unknown</h2>
          <p data-testid="verify-summary">This Portico did not seal this file.</p>
        </>
      )}
      <p class="small muted verify-result__hash">
        SHA-256: <code data-testid="verify-hash">{hash}</code>
      </p>
    </section>
  );
}
