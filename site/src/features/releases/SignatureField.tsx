// A signature (or initials) drawn or typed: two tabs, and the value the API takes
// (SignatureInput), or null while there is nothing yet.
import { useEffect, useState } from 'preact/hooks';
import { RELEASE_LIMITS } from '../../../../shared/features/releases/constants.ts';
import type { SignatureInput } from '../../../../shared/features/releases/schemas.ts';
import { SignaturePad, type Strokes } from './SignaturePad.tsx';

type Mode = 'draw' | 'type';

export function SignatureField({
  id,
  label,
  defaultText = '',
  onChange,
}: {
  id: string;
  /** "Signature" or "Initials". */
  label: string;
  defaultText?: string;
  onChange: (value: SignatureInput | null) => void;
}) {
  const [mode, setMode] = useState<Mode>('draw');
  const [strokes, setStrokes] = useState<Strokes>([]);
  const [text, setText] = useState(defaultText);
  useEffect(() => {
    if (mode === 'draw') onChange(strokes.length ? { kind: 'drawn', strokes: strokes.map((points) => ({ points })) } : null);
    else onChange(text.trim() ? { kind: 'typed', text: text.trim() } : null);
  }, [mode, strokes, text]);

  const tab = (m: Mode, name: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${m}`}
      class="tab"
      aria-selected={mode === m}
      aria-controls={`${id}-panel`}
      onClick={() => setMode(m)}
    >
      {name}
    </button>
  );
  return (
    <fieldset class="sign-field">
      <legend class="sign-field__legend">{label}</legend>
      <div class="tabs" role="tablist" aria-label={`How to give your ${label.toLowerCase()}`}>
        {tab('draw', 'Draw')}
        {tab('type', 'Type')}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${mode}`}>
        {mode === 'draw' ? (
          <SignaturePad label={label} strokes={strokes} onStrokes={setStrokes} />
        ) : (
          <div class="field">
            <label class="field__label" for={`${id}-typed`}>
              Type your {label.toLowerCase()}
            </label>
            <input
              id={`${id}-typed`}
              type="text"
              autoComplete="off"
              maxLength={RELEASE_LIMITS.typedSignature}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <p class="sign-field__preview" data-testid={`${id}-preview`}>
              <span class="visually-hidden">Preview: </span>
              {text.trim() || '\u00a0'}
            </p>
          </div>
        )}
      </div>
    </fieldset>
  );
}
