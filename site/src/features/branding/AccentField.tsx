import { useId } from 'preact/hooks';
import { accentPalette, accentRefusal, contrast, isHexColour } from '../../lib/colour.ts';

/**
 * The accent colour: a picker and its hex code, with the rule the API applies (branding's
 * constants.ts) shown before saving: a colour no text reads on is refused, with the nearest that
 * reads to take instead; an accepted one shows the colours buttons and links will use.
 */
export function AccentField({ value, onValue, error }: { value: string; onValue: (v: string) => void; error?: string | undefined }) {
  const id = useId();
  const valid = isHexColour(value);
  const refused = valid ? accentRefusal(value) : null;
  const palette = accentPalette(valid ? value : null);
  return (
    <div class={`field${error || refused ? ' field--invalid' : ''}`}>
      <label class="field__label" for={`${id}-hex`}>
        Accent colour
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        Buttons, links and highlights on your portal and in your emails.
      </p>
      <div class="accent-field">
        <input
          type="color"
          class="accent-field__picker"
          aria-label="Pick a colour"
          value={valid ? value.toLowerCase() : '#000000'}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
        <input
          id={`${id}-hex`}
          class="accent-field__hex"
          value={value}
          maxLength={7}
          spellcheck={false}
          autocomplete="off"
          aria-describedby={`${id}-hint ${id}-verdict`}
          aria-invalid={!valid || refused ? 'true' : undefined}
          onInput={(e) => onValue(e.currentTarget.value.trim())}
        />
      </div>
      <div id={`${id}-verdict`} aria-live="polite">
        {!valid && <p class="field__error">Write a colour like #1a2b3c.</p>}
        {refused && (
          <div class="accent-field__warning" data-testid="accent-warning">
            <p class="field__error">
              Neither white nor dark text is readable on {value.toLowerCase()} ({refused.ratio.toFixed(1)}:1; WCAG AA needs 4.5:1), so it
              can’t be saved.
            </p>
            <button type="button" class="button button--secondary accent-field__use" onClick={() => onValue(refused.readable)}>
              <span class="accent-field__swatch" style={{ background: refused.readable }} aria-hidden="true" />
              Use {refused.readable} instead
            </button>
          </div>
        )}
        {valid && !refused && (
          <p class="field__hint" data-testid="accent-readable">
            We’ll use {palette['--accent-fill']} for buttons ({contrast(palette['--accent-fill'], palette['--on-accent']).toFixed(1)}:1 with
            their text) and {palette['--accent-ink']} for links.
          </p>
        )}
        {error && <p class="field__error">{error}</p>}
      </div>
    </div>
  );
}
