import type { ComponentChildren, JSX } from 'preact';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'label' | 'prefix'>;

interface FieldProps extends InputProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** Shown under the label, read with the field. */
  hint?: ComponentChildren;
  error?: string | undefined;
  optional?: boolean;
  /** Text shown before / after the input inside its box (e.g. the portal address). */
  before?: string;
  after?: string;
  /** Extra content after the input (e.g. a show-password button). */
  action?: ComponentChildren;
  /** Put the hint under the input instead of between the label and the input. */
  hintBelow?: boolean;
}

/** A labelled input with its hint and error wired up for assistive technology. */
export function Field({
  id,
  label,
  value,
  onValue,
  hint,
  error,
  optional,
  before,
  after,
  action,
  hintBelow,
  type = 'text',
  ...input
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = (
    <input
      {...input}
      id={id}
      name={id}
      type={type}
      value={value}
      required={!optional}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
  const hintBlock = hint && (
    <div class="field__hint" id={hintId}>
      {hint}
    </div>
  );
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label class="field__label" for={id}>
        {label}
        {optional && <span class="field__optional"> (optional)</span>}
      </label>
      {!hintBelow && hintBlock}
      {before || after || action ? (
        <div class="field__box">
          {before && (
            <span class="field__affix" aria-hidden="true">
              {before}
            </span>
          )}
          {control}
          {after && (
            <span class="field__affix" aria-hidden="true">
              {after}
            </span>
          )}
          {action}
        </div>
      ) : (
        control
      )}
      {hintBelow && hintBlock}
      {error && (
        <p class="field__error" id={errorId}>
          <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm.75 9.75h-1.5v-1.5h1.5v1.5Zm0-3h-1.5v-4h1.5v4Z" />
          </svg>
          {error}
        </p>
      )}
    </div>
  );
}
