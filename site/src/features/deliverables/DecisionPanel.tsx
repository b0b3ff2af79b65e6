// The client's decision on the version under review: approve, approve with changes or request
// changes (the last two need a note, said next to the field), then a confirmation.
import { useState } from 'preact/hooks';
import { DECISION_LABELS, type Decision } from '../../../../shared/features/deliverables/constants.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { Version } from './api.ts';

const BUTTONS: { decision: Decision; label: string; primary?: boolean }[] = [
  { decision: 'approve', label: 'Approve', primary: true },
  { decision: 'approve_with_changes', label: 'Approve with changes' },
  { decision: 'request_changes', label: 'Request changes' },
];

/** What the signed-in client decided on this version, if anything: the confirmation after deciding. */
export function MyDecision({ decidedNow, mine }: { decidedNow: Decision | null; mine: Version['reviewers'][number] | null }) {
  const decision = decidedNow ?? mine?.decision;
  return (
    <Notice role="status" tone="success">
      {decision && (
        <>
          <strong>Thank you — your decision is in: {DECISION_LABELS[decision].toLowerCase()}.</strong>
          {mine?.decidedAt && <> ({formatDateTime(mine.decidedAt)})</>} The team has been told.
        </>
      )}
    </Notice>
  );
}

export function DecisionPanel({
  version,
  onDecide,
}: {
  version: Version;
  onDecide: (decision: Decision, note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const decide = async (decision: Decision) => {
    if (decision !== 'approve' && !note.trim()) {
      setNoteError(`Say what should change to ${decision === 'request_changes' ? 'request changes' : 'approve with changes'}.`);
      document.getElementById('decision-note')?.focus();
      return;
    }
    setNoteError('');
    setBusy(decision);
    await onDecide(decision, note.trim());
    setBusy(null);
  };
  return (
    <section class="card deliverable-decide" aria-labelledby="decide-heading">
      <h2 id="decide-heading" class="deliverable-section__title">
        Your decision on version {version.version}
      </h2>
      <div class={`field${noteError ? ' field--invalid' : ''}`}>
        <label class="field__label" for="decision-note">
          What should change
        </label>
        <p class="field__hint" id="decision-note-hint">
          Needed to request changes or to approve with changes.
        </p>
        <textarea
          id="decision-note"
          class="textarea"
          rows={3}
          maxLength={2000}
          value={note}
          aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={`decision-note-hint${noteError ? ' decision-note-error' : ''}`}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {noteError && (
          <p class="field__error" id="decision-note-error">
            {noteError}
          </p>
        )}
      </div>
      <div class="deliverable-decide__buttons">
        {BUTTONS.map((b) => (
          <button
            key={b.decision}
            type="button"
            class={`button ${b.primary ? 'button--primary' : 'button--secondary'}`}
            disabled={busy !== null}
            onClick={() => void decide(b.decision)}
          >
            {busy === b.decision && <Spinner />}
            {b.label}
          </button>
        ))}
      </div>
    </section>
  );
}
