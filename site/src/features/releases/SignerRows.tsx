// The signers of a new release: each a portal client, or someone without an account (name and
// email: they sign through a one-time link).
import { RELEASE_LIMITS } from '../../../../shared/features/releases/constants.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Select } from '../../components/ui/Select.tsx';
import type { ClientSummary } from '../../lib/types.ts';
import type { SignerDraft } from './useNewRelease.ts';

const GUEST = '__guest__';

export function SignerRows({
  signers,
  clients,
  onChange,
  problem,
}: {
  signers: SignerDraft[];
  clients: ClientSummary[];
  onChange: (s: SignerDraft[]) => void;
  problem: (key: string) => string | undefined;
}) {
  const update = (i: number, s: SignerDraft) => onChange(signers.map((x, j) => (j === i ? s : x)));
  return (
    <fieldset class="release-fieldset">
      <legend class="field__label">Signers</legend>
      {problem('signers') && <p class="field__error">{problem('signers')}</p>}
      {signers.map((s, i) => {
        const n = i + 1;
        return (
          <div key={i} class="release-signer" data-testid="new-release-signer">
            <Select
              id={`signer-${n}`}
              label={`Signer ${n}`}
              value={s.kind === 'guest' ? GUEST : s.clientId}
              onValue={(v) => update(i, v === GUEST ? { kind: 'guest', name: '', email: '' } : { kind: 'client', clientId: v })}
              error={problem(`signers.${i}.clientId`)}
            >
              <option value="">Choose a client…</option>
              {clients.map((c) => (
                <option key={c.clientId} value={c.clientId}>
                  {c.name} ({c.email})
                </option>
              ))}
              <option value={GUEST}>Someone without an account…</option>
            </Select>
            {s.kind === 'guest' && (
              <div class="release-signer__guest">
                <Field
                  id={`signer-${n}-name`}
                  label={`Signer ${n} name`}
                  autoComplete="off"
                  maxLength={80}
                  value={s.name}
                  onValue={(name) => update(i, { ...s, name })}
                  error={problem(`signers.${i}.name`)}
                />
                <Field
                  id={`signer-${n}-email`}
                  label={`Signer ${n} email`}
                  type="email"
                  autoComplete="off"
                  spellcheck={false}
                  value={s.email}
                  onValue={(email) => update(i, { ...s, email })}
                  error={problem(`signers.${i}.email`)}
                />
              </div>
            )}
            {signers.length > 1 && (
              <button type="button" class="button button--ghost button--small" onClick={() => onChange(signers.filter((_, j) => j !== i))}>
                Remove signer {n}
              </button>
            )}
          </div>
        );
      })}
      {signers.length < RELEASE_LIMITS.signers && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => onChange([...signers, { kind: 'client', clientId: '' }])}
        >
          Add a signer
        </button>
      )}
    </fieldset>
  );
}
